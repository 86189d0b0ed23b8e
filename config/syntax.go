package config

import (
	"fmt"
	"strconv"
	"strings"
)

// This file turns a YAML syntax error into a message an operator can act
// on. The YAML parser names the line where it gave up, which is often a
// line or three above the mistake (the start of the list it was reading),
// and says what it expected in parser terms. So on a syntax error refeed
// reads the file again, line by line, looks for the usual mistakes
// (inconsistent indentation, a tab, a bare "*", a second ": " in a value)
// at or after the parser's line, and reports the first one found, at its
// own line, with the fix. When it finds none the parser's message is kept,
// put in plainer words where a known one allows.

// syntaxError turns a yaml.v3 error ("yaml: line 3: did not find expected
// key") about data into an *Error at the line of the mistake.
func syntaxError(file string, data []byte, err error) *Error {
	line, msg := parserLine(err)
	if l, m, ok := diagnose(data, line, msg); ok {
		line, msg = l, m
	} else {
		msg = plainSyntax(msg)
	}
	return &Error{File: file, Line: line, Msg: msg, Err: ErrSyntax}
}

// parserLine splits yaml.v3's "yaml: line N: msg" into N (0 when absent)
// and msg.
func parserLine(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, tail, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(num); err == nil {
				return n, tail
			}
		}
	}
	return 0, msg
}

// plainSyntax words a parser message no scan explained.
func plainSyntax(msg string) string {
	switch {
	case strings.Contains(msg, "expected ',' or ']'"):
		return `a [list] opened here is not closed: separate its items with "," and end it with "]"`
	case strings.Contains(msg, "expected ',' or '}'"):
		return `a {mapping} opened here is not closed: separate its entries with "," and end it with "}"`
	case strings.Contains(msg, "unexpected end of stream"):
		return "a quote opened here is never closed: end the value with the same quote it starts with"
	case strings.Contains(msg, "could not find expected ':'"):
		return `a line here is neither "key: value" nor a list item "- value": add the missing ":" (or quote a value that runs over several lines)`
	}
	return "YAML syntax error: " + msg
}

// diagnose scans data for the first usual mistake at or after the
// parser's line (less one: the parser's line count can trail by one) and
// returns its line and a message with the fix.
func diagnose(data []byte, parserLine int, parserMsg string) (int, string, bool) {
	s := newScan(data)
	for s.next() {
		if s.n < parserLine-1 {
			s.indent() // keep the levels, report nothing yet
			continue
		}
		if msg, ok := s.check(parserMsg); ok {
			return s.n, msg, true
		}
	}
	if s.unclosed > 0 && (unclosedMsg(parserMsg) || parserLine-s.unclosed <= 1) {
		return s.unclosed, unclosed(s.open), true
	}
	return 0, "", false
}

// unclosed says what to do about a quote or bracket left open.
func unclosed(open byte) string {
	switch open {
	case '[':
		return plainSyntax("expected ',' or ']'")
	case '{':
		return plainSyntax("expected ',' or '}'")
	}
	return plainSyntax("unexpected end of stream")
}

// unclosedMsg reports whether the parser's message is about a quote or
// bracket left open, which it notices only where the file ends or the
// next key starts.
func unclosedMsg(msg string) bool {
	return strings.Contains(msg, "unexpected end of stream") || strings.Contains(msg, "expected ',' or")
}

// lineScan walks a YAML file line by line, keeping the indentation of the
// blocks open at the current line. It understands the block style a
// config is written in; at the first line it cannot follow (a quote or
// bracket running onto the next line) it stops.
type lineScan struct {
	lines  []string
	n      int    // 1-based number of the current line
	text   string // the current line, without its line ending
	levels []int  // indentation of the open blocks, innermost last
	opens  bool   // the line before ends in a key without a value, or "-"
	// scalarAt is the indentation a block scalar (key: |) belongs to: the
	// lines indented deeper are its text. -1 outside one.
	scalarAt int
	// unclosed is the line where a quote or bracket opens that the line
	// does not close; the scan stops there.
	unclosed int
	open     byte // the quote or bracket left open on line unclosed
	stop     bool
}

func newScan(data []byte) *lineScan {
	return &lineScan{lines: strings.Split(string(data), "\n"), scalarAt: -1, opens: true}
}

// next moves to the next line that holds YAML (not blank, not a comment,
// not the text of a block scalar).
func (s *lineScan) next() bool {
	for !s.stop && s.n < len(s.lines) {
		s.text = strings.TrimRight(s.lines[s.n], "\r")
		s.n++
		body := strings.TrimLeft(s.text, " \t")
		if body == "" || body[0] == '#' {
			continue
		}
		if s.scalarAt >= 0 && spaces(s.text) > s.scalarAt {
			continue
		}
		s.scalarAt = -1
		if body == "---" || body == "..." {
			continue
		}
		return true
	}
	return false
}

// check looks for a mistake on the current line, then records the line's
// indentation.
func (s *lineScan) check(parserMsg string) (string, bool) {
	if ws := s.text[:len(s.text)-len(strings.TrimLeft(s.text, " \t"))]; strings.Contains(ws, "\t") {
		return "this line is indented with a tab: YAML indents with spaces only; replace the tab with spaces", true
	}
	if msg, ok := s.indent(); ok {
		return msg, true
	}
	val := s.value()
	switch {
	case strings.Contains(parserMsg, "expected alphabetic or numeric character") && bareAlias(val) != 0:
		if bareAlias(val) == '&' {
			return `a bare "&" is YAML syntax (an anchor), not text; quote the value`, true
		}
		return `a bare "*" is YAML syntax (an alias), not text; quote it: ["*"] stands for every source`, true
	case strings.Contains(parserMsg, "mapping values are not allowed") && secondColon(val):
		return `the value holds ": ", which YAML reads as the start of another key; quote the value, e.g. title: "News: Iraq"`, true
	case strings.Contains(parserMsg, "cannot start any token") && val != "" && strings.ContainsRune("@`", rune(val[0])):
		return fmt.Sprintf("a value cannot start with %q in YAML; quote it", val[:1]), true
	}
	return "", false
}

// indent checks the current line's indentation against the open blocks,
// then opens the blocks the line starts.
func (s *lineScan) indent() (string, bool) {
	ind := spaces(s.text)
	msg, bad := s.level(ind)
	// A list item "- key: v" opens the mapping inside it at the column of
	// its key.
	body := s.text[ind:]
	col := ind
	for body == "-" || strings.HasPrefix(body, "- ") {
		trimmed := strings.TrimLeft(body[1:], " ")
		col += len(body) - len(trimmed)
		body = trimmed
	}
	content, open := stripComment(body)
	if open != 0 {
		s.stop, s.unclosed, s.open = true, s.n, open
	}
	_, value, isKey := splitKey(content)
	if col > ind && isKey {
		s.levels = append(s.levels, col)
	}
	s.opens = content == "" || isKey && (value == "" || isNodeProperty(value))
	if isKey && isBlockScalar(value) {
		s.scalarAt = ind
		if col > ind {
			s.scalarAt = col
		}
	}
	return msg, bad
}

// level checks indentation ind against the open blocks, closing those it
// ends and opening one when the line above asked for it.
func (s *lineScan) level(ind int) (string, bool) {
	if len(s.levels) == 0 {
		s.levels = []int{ind}
		return "", false
	}
	top := s.levels[len(s.levels)-1]
	switch {
	case ind > top && s.opens:
		s.levels = append(s.levels, ind)
	case ind > top:
		return fmt.Sprintf("this line is indented %s, the line above %d: indent it %d like the line above (or end that line with \":\" if this belongs under it)", countSpaces(ind), top, top), true
	case ind < top:
		var used []string
		for len(s.levels) > 0 && s.levels[len(s.levels)-1] > ind {
			used = append(used, strconv.Itoa(s.levels[len(s.levels)-1]))
			s.levels = s.levels[:len(s.levels)-1]
		}
		if len(s.levels) == 0 || s.levels[len(s.levels)-1] != ind {
			if len(s.levels) > 0 {
				used = append(used, strconv.Itoa(s.levels[len(s.levels)-1]))
			}
			s.levels = append(s.levels, ind) // go on from here
			return fmt.Sprintf("this line is indented %s, but the lines above it use %s: line it up with the ones it belongs with", countSpaces(ind), orList(used)), true
		}
	}
	return "", false
}

// value returns the value part of the current line: what follows "key: "
// or "- ", without a comment.
func (s *lineScan) value() string {
	body := strings.TrimLeft(s.text, " \t")
	for body == "-" || strings.HasPrefix(body, "- ") {
		body = strings.TrimLeft(body[1:], " ")
	}
	content, _ := stripComment(body)
	if _, v, ok := splitKey(content); ok {
		return v
	}
	return content
}

// spaces counts the leading spaces of line.
func spaces(line string) int {
	return len(line) - len(strings.TrimLeft(line, " "))
}

// stripComment returns s without a trailing "# comment", and the quote
// or bracket opened on the line and not closed on it (0 when none).
func stripComment(s string) (string, byte) {
	var open []byte // brackets and a quote, innermost last
	for i := 0; i < len(s); i++ {
		c := s[i]
		var in byte
		if len(open) > 0 {
			in = open[len(open)-1]
		}
		switch {
		case in == '\'':
			if c == '\'' && i+1 < len(s) && s[i+1] == '\'' {
				i++
			} else if c == '\'' {
				open = open[:len(open)-1]
			}
		case in == '"':
			if c == '\\' {
				i++
			} else if c == '"' {
				open = open[:len(open)-1]
			}
		case c == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t'):
			return strings.TrimSpace(s[:i]), last(open)
		case (c == '\'' || c == '"') && valueStart(s, i), c == '[' || c == '{':
			open = append(open, c)
		case (c == ']' || c == '}') && len(open) > 0:
			open = open[:len(open)-1]
		}
	}
	return strings.TrimSpace(s), last(open)
}

func last(b []byte) byte {
	if len(b) == 0 {
		return 0
	}
	return b[len(b)-1]
}

// valueStart reports whether s[i] begins a scalar: at the start, after
// ": ", or after a flow indicator. A quote elsewhere is text ("Iraq's").
func valueStart(s string, i int) bool {
	j := i - 1
	for j >= 0 && s[j] == ' ' {
		j--
	}
	if j < 0 {
		return true
	}
	switch s[j] {
	case '[', '{', ',':
		return true
	case ':':
		return j < i-1
	}
	return false
}

// splitKey splits "key: value" (or "key:") at its first ": " outside
// quotes; ok is false when content is not a key.
func splitKey(content string) (key, value string, ok bool) {
	if content == "" || strings.ContainsRune("[{'\"", rune(content[0])) {
		return "", content, false
	}
	if k, ok := strings.CutSuffix(content, ":"); ok && !strings.Contains(k, ": ") {
		return k, "", true
	}
	k, v, ok := strings.Cut(content, ": ")
	if !ok {
		return "", content, false
	}
	return k, strings.TrimSpace(v), true
}

// isBlockScalar reports whether v starts a block scalar: | or >, with
// optional chomping and indentation indicators.
func isBlockScalar(v string) bool {
	return v != "" && (v[0] == '|' || v[0] == '>') && strings.Trim(v[1:], "+-0123456789") == ""
}

// isNodeProperty reports whether v is only an anchor or a tag, whose node
// follows on the next lines.
func isNodeProperty(v string) bool {
	return !strings.Contains(v, " ") && len(v) > 1 && (v[0] == '&' || v[0] == '!')
}

// bareAlias returns the first "*" or "&" in v that starts a value
// without a name after it, or 0.
func bareAlias(v string) byte {
	for i := 0; i < len(v); i++ {
		if (v[i] == '*' || v[i] == '&') && valueStart(v, i) {
			if i+1 == len(v) || !isNameByte(v[i+1]) {
				return v[i]
			}
		}
	}
	return 0
}

func isNameByte(c byte) bool {
	return c == '-' || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// secondColon reports whether an unquoted block value holds ": ".
func secondColon(v string) bool {
	if v == "" || strings.ContainsRune("[{'\"", rune(v[0])) {
		return false
	}
	return strings.Contains(v, ": ") || strings.HasSuffix(v, ":")
}

// countSpaces writes "1 space" or "n spaces".
func countSpaces(n int) string {
	if n == 1 {
		return "1 space"
	}
	return fmt.Sprintf("%d spaces", n)
}

// orList writes ["4", "2"] as "4 or 2" and ["6", "4", "0"] as "6, 4 or 0".
func orList(items []string) string {
	if len(items) == 1 {
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}
