package feeds

import (
	"fmt"
	"regexp"
	"strings"
)

// CompileFilters compiles the include and exclude patterns of an output
// feed (Go RE2 syntax; add "(?i)" for case-insensitive matching). It is
// meant for config validation as well as for building SelectOptions; a bad
// pattern yields an error naming the list, the position and the pattern.
func CompileFilters(include, exclude []string) (inc, exc []*regexp.Regexp, err error) {
	if inc, err = compileAll("include", include); err != nil {
		return nil, nil, err
	}
	if exc, err = compileAll("exclude", exclude); err != nil {
		return nil, nil, err
	}
	return inc, exc, nil
}

func compileAll(kind string, patterns []string) ([]*regexp.Regexp, error) {
	out := make([]*regexp.Regexp, 0, len(patterns))
	for i, p := range patterns {
		if strings.TrimSpace(p) == "" {
			return nil, fmt.Errorf("feeds: %s pattern %d is empty", kind, i+1)
		}
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("feeds: %s pattern %d %q: %w", kind, i+1, p, err)
		}
		out = append(out, re)
	}
	return out, nil
}

// matchesFilters applies include and exclude patterns to an item's title,
// text and categories: with includes, at least one must match; no exclude
// may match.
func matchesFilters(it Item, include, exclude []*regexp.Regexp) bool {
	if len(include) == 0 && len(exclude) == 0 {
		return true
	}
	fields := append([]string{it.Title, it.Text}, it.Categories...)
	if len(include) > 0 && !anyMatch(include, fields) {
		return false
	}
	return !anyMatch(exclude, fields)
}

func anyMatch(res []*regexp.Regexp, fields []string) bool {
	for _, re := range res {
		for _, f := range fields {
			if re.MatchString(f) {
				return true
			}
		}
	}
	return false
}
