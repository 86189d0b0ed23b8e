package config

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
)

// Sentinels an *Error wraps, for callers and tests that branch on the kind
// of problem with errors.Is.
var (
	// ErrSyntax is a YAML syntax error.
	ErrSyntax = errors.New("config: syntax error")
	// ErrUnknownKey is a key refeed does not know (often a typo).
	ErrUnknownKey = errors.New("config: unknown key")
	// ErrType is a value of the wrong kind (a string where a list belongs).
	ErrType = errors.New("config: wrong type")
	// ErrMissing is a required key left out or empty.
	ErrMissing = errors.New("config: missing value")
	// ErrInvalid is a value that does not parse or is out of range.
	ErrInvalid = errors.New("config: invalid value")
	// ErrDuplicate is a name used twice.
	ErrDuplicate = errors.New("config: duplicate name")
	// ErrUnknownSource is a feed naming a source that does not exist.
	ErrUnknownSource = errors.New("config: unknown source")
)

// Error is one problem in the config file.
type Error struct {
	File  string // config file name as given to ParseConfig
	Line  int    // 1-based line, 0 when unknown
	Field string // dotted path, e.g. "sources[3].interval"; may be empty
	Msg   string // what is wrong
	Err   error  // one of the sentinels above
}

// Error formats the problem as "FILE:LINE: FIELD: MSG".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the sentinel the error belongs to.
func (e *Error) Unwrap() error { return e.Err }

// Errors is every problem found in a config file, in line order.
type Errors []*Error

// Error returns one problem per line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the problems, so errors.Is and errors.As see each one.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// err returns es sorted by line as an error, or nil when empty. Problems
// without a line (a missing top-level key) come last.
func (es Errors) err() error {
	if len(es) == 0 {
		return nil
	}
	key := func(e *Error) int {
		if e.Line <= 0 {
			return math.MaxInt
		}
		return e.Line
	}
	sort.SliceStable(es, func(i, j int) bool { return key(es[i]) < key(es[j]) })
	return es
}
