package follow

import (
	"strings"
	"testing"
)

// TestObjectName holds the names to tshark 4.0's rules (eo_massage_str,
// eo_rename, g_path_get_basename), with names tshark wrote for the
// crafted capture of cmd/rawcap's tests.
func TestObjectName(t *testing.T) {
	long := strings.Repeat("a", 300)
	for _, tc := range []struct {
		uri  string
		max  int
		dup  int
		want string
	}{
		{"/files/report.txt", 250, 0, "report.txt"},
		{"/chunked/page.html?x=1&y=2", 250, 0, "page.html%3fx=1&y=2"},
		{"/we%20ird/na:me*%3F.txt", 250, 0, "na%3ame%2a%3F.txt"},
		{"/dir/", 250, 2, "dir(2)"},
		{"/upload/form.cgi", 250, 1, "form(1).cgi"},
		{"/", 250, 0, "%2f"},
		{"", 250, 0, "."},
		{"a\x01b\"c|d<e>f\\g", 250, 0, "a%01b%22c%7cd%3ce%3ef%5cg"},
		{"/" + long + ".html", 20, 0, "aaaaaaaaaaaaaaa.html"},
		{"/" + long, 20, 0, "aaaaaaaaaaaaaaaaaaaa"},
		{"/" + long + ".x", 250, 3, strings.Repeat("a", 248) + "(3).x"},
	} {
		got := objectName(uriBase(tc.uri), tc.max, tc.dup)
		if got != tc.want {
			t.Errorf("objectName(%q, %d, %d) = %q, want %q", tc.uri, tc.max, tc.dup, got, tc.want)
		}
	}
	if got := asciiString([]byte("a\xffb\x00c")); got != "a\uFFFDb" {
		t.Errorf("asciiString = %q", got)
	}
}
