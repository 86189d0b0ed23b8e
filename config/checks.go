package config

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"regexp/syntax"
	"strings"
	"time"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/http/httpguts"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/language"
)

// maxNameLen bounds source and feed names, which become file names.
const maxNameLen = 64

// required reports whether value is set, recording a problem if not.
func (v *validator) required(path, value string) bool {
	if strings.TrimSpace(value) == "" {
		v.add(path, ErrMissing, "missing")
		return false
	}
	return true
}

// name checks a source or feed name: set, safe as a file name, unique.
func (v *validator) name(path, name string, seen map[string]int, line int) {
	if !v.required(path, name) {
		return
	}
	if !safeName(name) {
		v.add(path, ErrInvalid, "invalid name %q: use up to %d of a-z, 0-9, _ and -, starting with a letter or digit", name, maxNameLen)
		return
	}
	if first, dup := seen[name]; dup {
		v.add(path, ErrDuplicate, "duplicate name %q (first at line %d)", name, first)
		return
	}
	seen[name] = line
}

func safeName(s string) bool {
	if len(s) == 0 || len(s) > maxNameLen || s[0] == '_' || s[0] == '-' {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// url checks for an absolute http or https URL with a host.
func (v *validator) url(path, raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		v.add(path, ErrInvalid, "invalid URL %q: want an absolute http or https URL", raw)
		return false
	}
	return true
}

func (v *validator) atLeast(path string, n, low int) {
	switch {
	case n < 0 && low >= 0:
		v.add(path, ErrInvalid, "must not be negative, got %d", n)
	case n < low:
		v.add(path, ErrInvalid, "must be at least %d, got %d", low, n)
	}
}

func (v *validator) minDuration(path string, d, low time.Duration) {
	switch {
	case d < 0:
		v.add(path, ErrInvalid, "must not be negative, got %s", d)
	case d < low:
		v.add(path, ErrInvalid, "must be at least %s, got %s", low, d)
	}
}

func (v *validator) positiveSize(path string, n int64) {
	if n <= 0 {
		v.add(path, ErrInvalid, "must be more than 0 bytes, got %d", n)
	}
}

// language checks an optional BCP 47 tag.
func (v *validator) language(path, tag string) {
	if tag == "" {
		return
	}
	if _, err := language.Parse(tag); err != nil {
		v.add(path, ErrInvalid, "invalid language tag %q (want BCP 47, e.g. \"ar\")", tag)
	}
}

// timeZone loads an optional IANA time zone name; nil when it is empty
// or unknown.
func (v *validator) timeZone(path, name string) *time.Location {
	if name == "" {
		return nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil || strings.EqualFold(name, "local") {
		v.add(path, ErrInvalid, "unknown time zone %q (want an IANA name such as \"Asia/Baghdad\" or \"UTC\")", name)
		return nil
	}
	return loc
}

// charset checks an optional charset name against the WHATWG list the
// fetcher decodes with.
func (v *validator) charset(path, name string) {
	if name == "" {
		return
	}
	if _, err := htmlindex.Get(name); err != nil {
		v.add(path, ErrInvalid, `unknown charset %q (want e.g. "windows-1256", "utf-8" or "iso-8859-6")`, name)
	}
}

func (v *validator) headers(path string, h map[string]string) {
	for k, val := range h {
		switch {
		case !httpguts.ValidHeaderFieldName(k):
			v.add(path+"."+k, ErrInvalid, "invalid header name %q", k)
		case !httpguts.ValidHeaderFieldValue(val):
			v.add(path+"."+k, ErrInvalid, "invalid header value %q", val)
		}
	}
}

// selector checks a CSS selector the way goquery will compile it.
func (v *validator) selector(path, sel string) {
	if _, err := cascadia.Compile(sel); err != nil {
		v.add(path, ErrInvalid, "invalid CSS selector %q: %v", sel, err)
	}
}

// filter compiles include and exclude expressions.
func (v *validator) filter(path string, include, exclude []string) Filter {
	return Filter{
		Include: v.regexps(path+".include", include),
		Exclude: v.regexps(path+".exclude", exclude),
	}
}

func (v *validator) regexps(path string, exprs []string) []*regexp.Regexp {
	var out []*regexp.Regexp
	for i, expr := range exprs {
		re, err := regexp.Compile(expr)
		if err != nil {
			v.add(fmt.Sprintf("%s[%d]", path, i), ErrInvalid, "invalid regexp %q: %s", expr, regexpReason(err))
			continue
		}
		out = append(out, re)
	}
	return out
}

// regexpReason returns the short reason from a regexp error ("missing
// closing )").
func regexpReason(err error) string {
	var se *syntax.Error
	if errors.As(err, &se) {
		return string(se.Code)
	}
	return err.Error()
}
