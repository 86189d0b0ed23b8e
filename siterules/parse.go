package siterules

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// maxLine bounds one line of a rule file; real files stay far below it.
const maxLine = 1 << 20

// Parse reads one rule file. file names it in warnings and gives the Site
// its Name (the base name without ".txt"). Lines that cannot be used are
// skipped and reported as warnings; Parse never fails and never panics.
func Parse(r io.Reader, file string) (*Site, []Warning) {
	base := filepath.Base(file)
	p := &parser{site: newSite(strings.TrimSuffix(strings.ToLower(base), ".txt")), file: base}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxLine)
	for sc.Scan() {
		p.line++
		p.parseLine(sc.Text())
	}
	if err := sc.Err(); err != nil {
		p.line++
		p.warn("read: %v", err)
	}
	p.finish()
	return p.site, p.warns
}

// parser holds the state of one Parse call.
type parser struct {
	site  *Site
	file  string
	line  int
	warns []Warning
	finds []pendingFind // find_string lines waiting for their replace_string
}

type pendingFind struct {
	line int
	text string
}

func (p *parser) warn(format string, args ...any) {
	p.warns = append(p.warns, Warning{File: p.file, Line: p.line, Msg: fmt.Sprintf(format, args...)})
}

func (p *parser) parseLine(line string) {
	if p.line == 1 {
		line = strings.TrimPrefix(line, "\ufeff")
	}
	line = strings.TrimSpace(line)
	if line == "" || line[0] == '#' {
		return
	}
	name, arg, hasArg, val, ok := splitDirective(line)
	if !ok {
		p.warn("not a directive: %q", clip(line))
		return
	}
	p.directive(name, arg, hasArg, val)
}

// splitDirective splits "name: value" and "name(arg): value". The argument
// ends at the first "):", so it may itself hold colons (URLs, markup).
func splitDirective(line string) (name, arg string, hasArg bool, val string, ok bool) {
	colon := strings.IndexByte(line, ':')
	if colon < 0 {
		return "", "", false, "", false
	}
	if open := strings.IndexByte(line, '('); open >= 0 && open < colon {
		end := strings.Index(line[open:], "):")
		if end < 0 {
			return "", "", false, "", false
		}
		name, arg = line[:open], line[open+1:open+end]
		val, hasArg = line[open+end+2:], true
	} else {
		name, val = line[:colon], line[colon+1:]
	}
	name = strings.ToLower(strings.TrimSpace(name))
	return name, arg, hasArg, strings.TrimSpace(val), name != ""
}

// finish reports find_string lines that never got a replace_string.
func (p *parser) finish() {
	for _, f := range p.finds {
		p.warns = append(p.warns, Warning{File: p.file, Line: f.line,
			Msg: fmt.Sprintf("find_string %q has no replace_string; ignored", clip(f.text))})
	}
	p.finds = nil
}

// clip shortens s for a warning message.
func clip(s string) string {
	const max = 80
	if len(s) <= max {
		return s
	}
	return strings.ToValidUTF8(s[:max], "") + "…"
}
