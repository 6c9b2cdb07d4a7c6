// Command duckdbq runs SQL in an in-memory DuckDB and prints each result as
// tab-separated lines, NULL as \N: the real engine that rawcap's export tests
// read the Parquet files with. It is a module of its own, built with cgo, so
// that rawcap's binary and module stay free of it:
//
//	cd internal/duckdbq && CGO_ENABLED=1 go build -o ../../bin/duckdbq .
//	bin/duckdbq "SELECT count(*) FROM 'out/packets/**/*.parquet'"
//
// Each argument is one statement; with none, statements are read from
// standard input, one per line.
package main

import (
	"bufio"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "duckdbq:", err)
		os.Exit(1)
	}
}

func run() error {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return err
	}
	defer db.Close()
	stmts := os.Args[1:]
	if len(stmts) == 0 {
		sc := bufio.NewScanner(os.Stdin)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if s := strings.TrimSpace(sc.Text()); s != "" {
				stmts = append(stmts, s)
			}
		}
		if err := sc.Err(); err != nil {
			return err
		}
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for _, s := range stmts {
		if err := query(db, w, s); err != nil {
			return fmt.Errorf("%s: %w", s, err)
		}
	}
	return nil
}

func query(db *sql.DB, w *bufio.Writer, s string) error {
	rows, err := db.Query(s)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		for i, v := range vals {
			if i > 0 {
				w.WriteByte('\t')
			}
			w.WriteString(text(v))
		}
		w.WriteByte('\n')
	}
	return rows.Err()
}

// text formats a value: NULL as \N, times in RFC 3339 with nanoseconds
// (UTC), lists as their elements joined by commas (tshark's aggregator),
// bytes in hex.
func text(v any) string {
	switch x := v.(type) {
	case nil:
		return `\N`
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	case []byte:
		return fmt.Sprintf("%x", x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = text(e)
		}
		return strings.Join(parts, ",")
	case bool:
		if x {
			return "1"
		}
		return "0"
	case string:
		return x
	}
	return fmt.Sprint(v)
}
