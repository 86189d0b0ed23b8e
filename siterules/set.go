package siterules

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// Options changes how Load builds a Set. The zero value is the default.
type Options struct {
	// Global applies global.txt: its rules are appended to every host's
	// (the host's own body, title and date lines are tried first; strip
	// rules and replacements add up), and it is used alone for hosts that
	// have no file. Off by default: the public global.txt rewrites AMP
	// markup and strips generic widgets on every page, which the extractor
	// already handles, and an operator should choose that knowingly.
	Global bool
}

// Set is a loaded rule folder. It is read-only and safe for concurrent use.
type Set struct {
	sites    map[string]*Site // by host key: "example.com", ".example.com"
	global   *Site            // nil unless Options.Global and global.txt exists
	warnings []Warning
}

// Load parses every *.txt rule file in dir (not LICENSE.txt or README.txt)
// and compiles its XPath expressions. Problems inside files are collected as
// warnings (see Set.Warnings), never returned as errors; only an unreadable
// dir is an error.
func Load(dir string, opts Options) (*Set, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("siterules: read rule folder: %w", err)
	}
	s := &Set{sites: make(map[string]*Site, len(entries))}
	var global *Site
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !isRuleFile(name) {
			continue
		}
		site, ok := s.loadFile(filepath.Join(dir, name))
		switch {
		case !ok:
		case site.Name == "global":
			global = site
		default:
			s.add(name, site)
		}
	}
	if opts.Global && global != nil {
		s.global = global
		for k, site := range s.sites {
			s.sites[k] = site.withGlobal(global)
		}
	}
	return s, nil
}

// add files site under its lookup key; a second file for the same host
// (Example.com.txt beside example.com.txt) replaces the first, with a
// warning.
func (s *Set) add(file string, site *Site) {
	key := fileKey(site.Name)
	if _, dup := s.sites[key]; dup {
		s.warnings = append(s.warnings, Warning{File: file, Msg: fmt.Sprintf("another file also covers %q; this one wins", key)})
	}
	s.sites[key] = site
}

// isRuleFile reports whether a folder entry is a host rule file.
func isRuleFile(name string) bool {
	lower := strings.ToLower(name)
	if !strings.HasSuffix(lower, ".txt") {
		return false
	}
	switch strings.TrimSuffix(lower, ".txt") {
	case "license", "readme", "":
		return false
	}
	return true
}

// loadFile parses one file, keeping its warnings on s.
func (s *Set) loadFile(path string) (*Site, bool) {
	f, err := os.Open(path)
	if err != nil {
		s.warnings = append(s.warnings, Warning{File: filepath.Base(path), Msg: err.Error()})
		return nil, false
	}
	defer f.Close()
	site, warns := Parse(f, path)
	s.warnings = append(s.warnings, warns...)
	return site, true
}

// Warnings returns the problems found while loading, in file order, as a
// new slice. The caller logs them; none of them stopped the load.
func (s *Set) Warnings() []Warning {
	return slices.Clone(s.warnings)
}

// Len returns the number of host files loaded (global.txt not counted).
func (s *Set) Len() int {
	return len(s.sites)
}

// For returns the rules for host (a host name, with or without a port), or
// nil when no file covers it and global rules are off. Lookup follows the
// format: the exact host's file, then the file of the host without "www.",
// then ".suffix" files from the longest suffix down (".example.com" covers
// news.example.com, not example.com or www.example.com), then global.txt
// when Options.Global is set. A nil Set has no rules.
func (s *Set) For(host string) *Site {
	if s == nil {
		return nil
	}
	host = normalizeHost(host)
	if site := s.sites[host]; site != nil && host != "" {
		return site
	}
	bare := strings.TrimPrefix(host, "www.")
	if site := s.sites[bare]; site != nil && bare != "" {
		return site
	}
	for rest := bare; ; {
		dot := strings.IndexByte(rest, '.')
		if dot < 0 {
			break
		}
		rest = rest[dot+1:]
		if site := s.sites["."+rest]; site != nil && rest != "" {
			return site
		}
	}
	return s.global
}

// normalizeHost lowercases host, drops a port and a trailing dot, and
// spells an internationalised name in its ASCII (xn--) form, so that a
// file named in either form matches a URL in either form.
func normalizeHost(host string) string {
	host = strings.ToLower(strings.TrimSpace(host))
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	return asciiHost(strings.TrimSuffix(host, "."))
}

// fileKey is the lookup key of a rule file's host name (".example.com"
// keeps its leading dot).
func fileKey(name string) string {
	if rest, ok := strings.CutPrefix(name, "."); ok {
		return "." + asciiHost(rest)
	}
	return asciiHost(name)
}

// asciiHost returns the xn-- form of a host with non-ASCII letters, or
// host itself when it is ASCII or not a valid name.
func asciiHost(host string) string {
	for i := 0; i < len(host); i++ {
		if host[i] >= utf8.RuneSelf {
			if a, err := idna.Lookup.ToASCII(host); err == nil {
				return a
			}
			return host
		}
	}
	return host
}
