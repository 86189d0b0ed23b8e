package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// maxSourceName is the longest source name config accepts.
const maxSourceName = 64

// configuredSource is the part of a source import-opml needs. Reading only
// this much lets an import work on a config that does not validate yet.
type configuredSource struct {
	Name string `yaml:"name"`
	URL  string `yaml:"url"`
}

// configuredSources reads the names and URLs of the sources in config text.
func configuredSources(text []byte) ([]configuredSource, error) {
	var doc struct {
		Sources []configuredSource `yaml:"sources"`
	}
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return nil, err
	}
	return doc.Sources, nil
}

// appendSources returns the config text old with the added sources
// appended to its "sources" list, leaving every existing line — comments,
// order, quoting — as it was. An empty old yields a new config with one
// feed, "all", of the imported sources, so it validates at once.
func appendSources(old []byte, added []importedSource, from string) ([]byte, error) {
	if len(bytes.TrimSpace(old)) == 0 {
		return newConfigText(added, from), nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(old, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("the config is not a YAML mapping")
	}
	root := doc.Content[0]
	lines := strings.SplitAfter(string(old), "\n")
	if last := lines[len(lines)-1]; last == "" {
		lines = lines[:len(lines)-1]
	} else if !strings.HasSuffix(last, "\n") {
		lines[len(lines)-1] += "\n"
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "sources" {
			continue
		}
		key, val := root.Content[i], root.Content[i+1]
		var next *yaml.Node
		if i+2 < len(root.Content) {
			next = root.Content[i+2]
		}
		return insertIntoSources(lines, key, val, next, added, from)
	}
	text := strings.Join(lines, "") + "\nsources:\n" + entriesText(added, "  ", from)
	return []byte(text), nil
}

// insertIntoSources splices the new entries into the lines of the config
// at the end of the sources list, whose key, value and following root key
// (nil when sources comes last) are given.
func insertIntoSources(lines []string, key, val, next *yaml.Node, added []importedSource, from string) ([]byte, error) {
	indent := "  "
	switch {
	case val.Kind == yaml.SequenceNode && val.Style&yaml.FlowStyle == 0 && len(val.Content) > 0:
		first := lines[val.Content[0].Line-1]
		indent = first[:len(first)-len(strings.TrimLeft(first, " "))]
	case val.Tag == "!!null" || (val.Kind == yaml.SequenceNode && len(val.Content) == 0):
		lines[key.Line-1] = strings.Repeat(" ", key.Column-1) + "sources:\n"
	default:
		return nil, errors.New(`"sources" is not a block list ("- name: ..."); add the sources by hand`)
	}
	at := len(lines) // insert before this line index
	if next != nil {
		at = next.Line - 1
		// Blank and unindented comment lines just above the next key
		// belong to it.
		for at > key.Line && isBlankOrRootComment(lines[at-1]) {
			at--
		}
	}
	if val.Tag == "!!null" || len(val.Content) == 0 {
		at = key.Line
	}
	entry := entriesText(added, indent, from)
	out := strings.Join(lines[:at], "") + entry + strings.Join(lines[at:], "")
	return []byte(out), nil
}

func isBlankOrRootComment(line string) bool {
	t := strings.TrimRight(line, "\r\n")
	return strings.TrimSpace(t) == "" || strings.HasPrefix(t, "#")
}

// entriesText renders the new sources as YAML list entries at indent.
func entriesText(added []importedSource, indent, from string) string {
	var b strings.Builder
	for _, a := range added {
		note := "imported from " + filepath.Base(from)
		if c := oneLine(a.feed.Category); c != "" {
			note += ", folder " + c
		}
		if t := oneLine(a.feed.Title); t != "" {
			note = t + " (" + note + ")"
		}
		note = oneLine(note) // the file name may hold a line break too
		fmt.Fprintf(&b, "%s# %s\n%s- name: %s\n%s  url: %s\n", indent, note, indent, a.name, indent, yamlString(a.feed.XMLURL))
		if a.feed.Language != "" {
			fmt.Fprintf(&b, "%s  language: %s\n", indent, yamlString(a.feed.Language))
		}
	}
	return b.String()
}

// newConfigText is a whole config holding the imported sources.
func newConfigText(added []importedSource, from string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# Written by \"refeed import-opml %s\". See \"refeed check\".\n\nsources:\n", filepath.Base(from))
	b.WriteString(entriesText(added, "  ", from))
	b.WriteString("\nfeeds:\n  - name: all\n    title: All sources\n    sources: [\"*\"] # every source, also those imported later\n")
	return []byte(b.String())
}

// yamlString renders s as a YAML scalar, quoted when it has to be.
func yamlString(s string) string {
	out, err := yaml.Marshal(s)
	if err != nil || bytes.Count(out, []byte("\n")) > 1 {
		return strconv.Quote(s) // YAML double quotes read Go's escapes
	}
	return strings.TrimSuffix(string(out), "\n")
}

// oneLine makes s fit in a YAML comment: valid UTF-8, printable
// characters only, runs of white space (line breaks too) as one space.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsPrint(r) || unicode.IsSpace(r) {
			return r
		}
		return -1
	}, strings.ToValidUTF8(s, ""))
	return strings.Join(strings.Fields(s), " ")
}

// sourceName derives a file-safe source name ([a-z0-9][a-z0-9_-]*) from a
// feed's title, or from its host when the title has no Latin letters or
// digits (an Arabic title, say).
func sourceName(title, feedURL string) string {
	if s := slug(title); s != "" {
		return s
	}
	if u, err := url.Parse(feedURL); err == nil {
		if s := slug(strings.TrimPrefix(u.Hostname(), "www.")); s != "" {
			return s
		}
	}
	return "source"
}

// slug lower-cases s, strips accents and joins its runs of ASCII letters
// and digits with "-", at most maxSourceName long.
func slug(s string) string {
	t := transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	if folded, _, err := transform.String(t, s); err == nil {
		s = folded
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return trimName(b.String())
}

// uniqueName returns base, or base-2, base-3, ... when base is taken.
func uniqueName(base string, taken map[string]bool) string {
	if !taken[base] {
		return base
	}
	for i := 2; ; i++ {
		suffix := "-" + strconv.Itoa(i)
		cand := trimName(base[:min(len(base), maxSourceName-len(suffix))]) + suffix
		if !taken[cand] {
			return cand
		}
	}
}

func trimName(s string) string {
	if len(s) > maxSourceName {
		s = s[:maxSourceName]
	}
	return strings.TrimRight(s, "-_")
}

// writeFileAtomic replaces path with data through a temporary file in the
// same folder, keeping the old file's permissions.
func writeFileAtomic(path string, data []byte) error {
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }
