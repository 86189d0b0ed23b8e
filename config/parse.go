package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// meta is what parsing learnt about the file, for Validate's messages.
type meta struct {
	file   string
	lines  map[string]int  // field path → line of its value (or entry)
	failed map[string]bool // field paths whose value did not decode
}

// ReadConfigFile reads and validates the config file at path. Relative
// output and state paths are resolved against the file's folder.
func ReadConfigFile(path string) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	defer f.Close()
	return ParseConfig(f, path)
}

// ParseConfig decodes YAML from r over DefaultConfig and validates it.
// filename names the file in errors and is the base for relative output
// and state paths. On failure the error is an Errors listing every problem
// found, in line order, each formatted as "FILE:LINE: FIELD: MSG".
func ParseConfig(r io.Reader, filename string) (*Config, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("config: read %s: %w", filename, err)
	}
	root, errs := parseYAML(data, filename)
	if errs != nil {
		return nil, errs.err()
	}
	c := DefaultConfig()
	c.File = filename
	d := &decoder{meta: &meta{file: filename, lines: map[string]int{}, failed: map[string]bool{}}}
	d.mapping(root, "", topFields(c))
	if d.meta.failed[""] {
		return nil, d.errs.err() // not a mapping: nothing to validate
	}
	c.meta = d.meta
	c.resolvePaths(filepath.Dir(filename))
	errs = d.errs
	var verrs Errors
	if errors.As(c.Validate(), &verrs) {
		errs = append(errs, verrs...)
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	return c, nil
}

// parseYAML parses data into its single document's root node.
func parseYAML(data []byte, file string) (*yaml.Node, Errors) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, Errors{{File: file, Line: 1, Msg: "empty config: want at least sources and feeds", Err: ErrMissing}}
		}
		return nil, Errors{syntaxError(file, data, err)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, Errors{{File: file, Line: extra.Line, Msg: "more than one YAML document", Err: ErrSyntax}}
	} else if !errors.Is(err, io.EOF) {
		return nil, Errors{syntaxError(file, data, err)}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, Errors{{File: file, Line: 1, Msg: "empty config: want at least sources and feeds", Err: ErrMissing}}
	}
	return doc.Content[0], nil
}

// StateIsURL reports whether a state setting is a database URL (such as
// postgres://USER@HOST/DB) rather than a file path; the store package
// decides which URLs it can open.
func StateIsURL(state string) bool { return strings.Contains(state, "://") }

// resolvePaths makes relative output, state and site rules paths
// relative to dir.
func (c *Config) resolvePaths(dir string) {
	if c.Output != "" && !filepath.IsAbs(c.Output) {
		c.Output = filepath.Join(dir, c.Output)
	}
	if c.State != "" && !filepath.IsAbs(c.State) && !StateIsURL(c.State) {
		c.State = filepath.Join(dir, c.State)
	}
	if c.SiteRules.Dir != "" && !filepath.IsAbs(c.SiteRules.Dir) {
		c.SiteRules.Dir = filepath.Join(dir, c.SiteRules.Dir)
	}
}
