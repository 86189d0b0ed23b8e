package config

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// decodeFunc decodes the value node n of the field at path.
type decodeFunc func(d *decoder, n *yaml.Node, path string)

// field is one known key of a mapping.
type field struct {
	key    string
	decode decodeFunc
}

// decoder walks the YAML node tree, filling the Config and collecting
// every problem with its line instead of stopping at the first.
type decoder struct {
	meta *meta
	errs Errors
}

// fail records a problem at n's line with the field at path, and marks
// the field so Validate does not report it a second time.
func (d *decoder) fail(n *yaml.Node, path string, sentinel error, format string, args ...any) {
	d.meta.failed[path] = true
	d.errs = append(d.errs, &Error{
		File: d.meta.file, Line: n.Line, Field: path,
		Msg: fmt.Sprintf(format, args...), Err: sentinel,
	})
}

// wrongType reports that n is not the kind of value the field wants.
func (d *decoder) wrongType(n *yaml.Node, path, want string) {
	d.fail(n, path, ErrType, "want %s, got %s", want, describe(n))
}

// mapping decodes a mapping node whose keys must be among fields.
func (d *decoder) mapping(n *yaml.Node, path string, fields []field) {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		d.wrongType(n, path, "a mapping")
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), n.Content[i+1]
		p := join(path, k.Value)
		if first, dup := seen[k.Value]; dup {
			d.fail(k, p, ErrDuplicate, "key given twice (first at line %d)", first)
			continue
		}
		seen[k.Value] = k.Line
		f, ok := lookup(fields, k.Value)
		if !ok {
			d.unknownKey(k, p, fields)
			continue
		}
		d.meta.lines[p] = resolve(v).Line
		f.decode(d, v, p)
	}
}

// unknownKey reports key k, suggesting the closest known key.
func (d *decoder) unknownKey(k *yaml.Node, path string, fields []field) {
	keys := make([]string, len(fields))
	for i, f := range fields {
		keys[i] = f.key
	}
	d.fail(k, path, ErrUnknownKey, "unknown key%s", suggest(k.Value, keys))
}

// list decodes a sequence node, calling each for every element with its
// path ("feeds[2]").
func (d *decoder) list(n *yaml.Node, path string, each func(el *yaml.Node, path string)) {
	n = resolve(n)
	if n.Kind != yaml.SequenceNode {
		d.wrongType(n, path, "a list")
		return
	}
	for i, el := range n.Content {
		p := fmt.Sprintf("%s[%d]", path, i)
		d.meta.lines[p] = resolve(el).Line
		each(el, p)
	}
}

func lookup(fields []field, key string) (field, bool) {
	for _, f := range fields {
		if f.key == key {
			return f, true
		}
	}
	return field{}, false
}

// resolve follows an alias (*name) to the node it stands for.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 8; i++ {
		n = n.Alias
	}
	return n
}

// describe names the kind of a node for "want X, got Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return "nothing"
		case "!!bool":
			return fmt.Sprintf("%s (a boolean)", n.Value)
		case "!!int", "!!float":
			return fmt.Sprintf("%s (a number)", n.Value)
		}
		return fmt.Sprintf("%q (a string)", n.Value)
	}
	return "an unsupported value"
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// isScalar reports whether n holds a single non-null value.
func isScalar(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() != "!!null"
}

// scalarText returns the value of a scalar, accepting any non-null scalar
// as text (so `title: 2024` is the string "2024").
func (d *decoder) scalarText(n *yaml.Node, path, want string) (string, bool) {
	n = resolve(n)
	if !isScalar(n) {
		d.wrongType(n, path, want)
		return "", false
	}
	return strings.TrimSpace(n.Value), true
}
