package rotate

import (
	"strconv"
	"time"
)

// Strftime formats t by the C strftime conversions tcpdump users put in -w
// names with -G: %Y %y %m %d %e %H %I %M %S %p %j %a %A %b %B %h %s %z %Z
// %F %T %D %R %u %w %n %t %%. An unknown conversion is kept as written.
func Strftime(format string, t time.Time) string {
	var b []byte
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 == len(format) {
			b = append(b, c)
			continue
		}
		i++
		switch format[i] {
		case 'Y':
			b = strconv.AppendInt(b, int64(t.Year()), 10)
		case 'y':
			b = pad2(b, t.Year()%100)
		case 'm':
			b = pad2(b, int(t.Month()))
		case 'd':
			b = pad2(b, t.Day())
		case 'e':
			if t.Day() < 10 {
				b = append(b, ' ')
			}
			b = strconv.AppendInt(b, int64(t.Day()), 10)
		case 'H':
			b = pad2(b, t.Hour())
		case 'I':
			h := t.Hour() % 12
			if h == 0 {
				h = 12
			}
			b = pad2(b, h)
		case 'M':
			b = pad2(b, t.Minute())
		case 'S':
			b = pad2(b, t.Second())
		case 'p':
			b = t.AppendFormat(b, "PM")
		case 'j':
			d := t.YearDay()
			b = append(b, byte('0'+d/100), byte('0'+d/10%10), byte('0'+d%10))
		case 'a':
			b = t.AppendFormat(b, "Mon")
		case 'A':
			b = t.AppendFormat(b, "Monday")
		case 'b', 'h':
			b = t.AppendFormat(b, "Jan")
		case 'B':
			b = t.AppendFormat(b, "January")
		case 's':
			b = strconv.AppendInt(b, t.Unix(), 10)
		case 'z':
			b = t.AppendFormat(b, "-0700")
		case 'Z':
			b = t.AppendFormat(b, "MST")
		case 'F':
			b = t.AppendFormat(b, "2006-01-02")
		case 'T':
			b = t.AppendFormat(b, "15:04:05")
		case 'D':
			b = t.AppendFormat(b, "01/02/06")
		case 'R':
			b = t.AppendFormat(b, "15:04")
		case 'u':
			wd := int(t.Weekday())
			if wd == 0 {
				wd = 7
			}
			b = strconv.AppendInt(b, int64(wd), 10)
		case 'w':
			b = strconv.AppendInt(b, int64(t.Weekday()), 10)
		case 'n':
			b = append(b, '\n')
		case 't':
			b = append(b, '\t')
		case '%':
			b = append(b, '%')
		default:
			b = append(b, '%', format[i])
		}
	}
	return string(b)
}

func pad2(b []byte, v int) []byte { return append(b, byte('0'+v/10%10), byte('0'+v%10)) }
