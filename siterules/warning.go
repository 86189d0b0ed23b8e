package siterules

import "fmt"

// Warning is a problem in one line of a rule file: an unknown directive, an
// XPath that does not compile, a find_string without its replace_string.
// The line is skipped and loading goes on.
type Warning struct {
	File string // file name, e.g. "example.com.txt"
	Line int    // 1-based; 0 when the problem is the whole file
	Msg  string
}

// String formats w as "file:line: message".
func (w Warning) String() string {
	return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Msg)
}
