package fetch

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// prescanLimit is how far into a document <meta charset> and the XML
// declaration are looked for, as in the WHATWG prescan.
const prescanLimit = 1024

// Decode converts a document to UTF-8 and returns the name of the charset it
// was decoded from. The charset is chosen as browsers do:
//
//  1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE): it cannot lie, so as
//     in browsers it wins even over a user's override;
//  2. forced, when not empty and a known label (a per-source override for a
//     site whose declarations lie);
//  3. the charset parameter of contentType, which wins over the document;
//  4. for HTML, <meta charset> or <meta http-equiv="Content-Type"> (looked
//     for beyond the spec's first 1024 bytes, as browsers re-decode when the
//     parser meets a late <meta>); for XML (and as a fallback for HTML), the
//     encoding of the XML declaration. A declaration the bytes contradict
//     is ignored: valid non-ASCII UTF-8 declared as a legacy charset, or
//     invalid UTF-8 declared as UTF-8 (see contradicts);
//  5. UTF-8 when the bytes are valid UTF-8 (the XML default, and what a
//     modern page without a declaration almost always is);
//  6. otherwise a guess from the bytes (see sniffLegacy): the charset of
//     another script when ICU's detector is sure of it, else windows-1256,
//     ISO-8859-6 or windows-1252. An undeclared XML feed that is not valid
//     UTF-8 is guessed too, rather than turned into replacement characters.
//
// Labels follow the WHATWG Encoding Standard, so "iso-8859-1" decodes as
// windows-1252 and a <meta> claiming UTF-16 means UTF-8. Invalid byte
// sequences become U+FFFD; the result is always valid UTF-8 and never starts
// with a byte order mark. An XML declaration's encoding is rewritten to
// UTF-8 so an XML parser does not decode the text a second time.
func Decode(body []byte, contentType, forced string) (text []byte, charsetName string) {
	enc, name, bomLen := chooseEncoding(body, contentType, forced)
	text = decodeWith(enc, name, body[bomLen:])
	return rewriteXMLDecl(text), name
}

// chooseEncoding applies steps 1–6 of Decode. bomLen is the length of a byte
// order mark to drop before decoding.
func chooseEncoding(body []byte, contentType, forced string) (encoding.Encoding, string, int) {
	if e, name, n := sniffBOM(body); e != nil {
		return e, name, n
	}
	if e, name := lookup(forced); e != nil {
		return e, name, 0
	}
	if e, name := lookup(headerCharset(contentType)); e != nil {
		return e, name, 0
	}
	valid := utf8.Valid(trimPartialRune(body))
	if e, name := declaredCharset(body); e != nil && !contradicts(name, body, valid) {
		return e, name, 0
	}
	if valid {
		return unicode.UTF8, "utf-8", 0
	}
	e, name := sniffLegacy(body)
	return e, name, 0
}

// contradicts reports whether the bytes rule out a document's own
// declaration: valid UTF-8 with non-ASCII text declared as a legacy charset
// (real legacy text is practically never valid UTF-8), or invalid UTF-8
// declared as UTF-8. Feeds and pages copied from templates get this wrong
// often; the HTTP header is still trusted as browsers trust it.
func contradicts(declared string, body []byte, validUTF8 bool) bool {
	if declared == "utf-8" {
		return !validUTF8
	}
	return validUTF8 && hasNonASCII(body) && asciiCompatible(declared)
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// asciiCompatible excludes the encodings whose bytes mean something other
// than ASCII in the ASCII range (UTF-16 is mapped to UTF-8 before this).
func asciiCompatible(name string) bool {
	return name != "replacement" && name != "iso-2022-jp" && name != "x-user-defined"
}

// decodeWith decodes b, never failing: undecodable input becomes U+FFFD.
func decodeWith(e encoding.Encoding, name string, b []byte) []byte {
	if name == "utf-8" && utf8.Valid(b) {
		return b
	}
	if cm, ok := e.(*charmap.Charmap); ok {
		return decodeCharmap(cm, b)
	}
	out, err := e.NewDecoder().Bytes(b)
	if err != nil || !utf8.Valid(out) {
		return bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	return bytes.TrimPrefix(out, []byte("\uFEFF"))
}

var boms = []struct {
	bom  []byte
	name string
	enc  encoding.Encoding
}{
	{[]byte{0xEF, 0xBB, 0xBF}, "utf-8", unicode.UTF8},
	{[]byte{0xFE, 0xFF}, "utf-16be", unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)},
	{[]byte{0xFF, 0xFE}, "utf-16le", unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)},
}

func sniffBOM(body []byte) (encoding.Encoding, string, int) {
	for _, b := range boms {
		if bytes.HasPrefix(body, b.bom) {
			return b.enc, b.name, len(b.bom)
		}
	}
	return nil, "", 0
}

// lookup resolves a WHATWG charset label; unknown labels give nil.
func lookup(label string) (encoding.Encoding, string) {
	label = strings.Trim(strings.TrimSpace(label), `"'`)
	if label == "" {
		return nil, ""
	}
	e, err := htmlindex.Get(label)
	if err != nil {
		return nil, ""
	}
	name, _ := htmlindex.Name(e)
	if name == "utf-8" {
		e = unicode.UTF8
	}
	return e, name
}

func headerCharset(contentType string) string {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		// A malformed header may still carry a usable charset=.
		_, after, ok := strings.Cut(strings.ToLower(contentType), "charset=")
		if !ok {
			return ""
		}
		v, _, _ := strings.Cut(after, ";")
		return v
	}
	return params["charset"]
}

// trimPartialRune drops an incomplete UTF-8 sequence at the very end, which
// a valid document cut at a buffer boundary may have.
func trimPartialRune(b []byte) []byte {
	for i := len(b) - 1; i >= 0 && i >= len(b)-3; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return b[:i]
			}
			break
		}
	}
	return b
}

// decodeCharmap decodes a single-byte charset in two passes, sizing the
// output exactly first: a 9 MiB windows-1256 page then costs its UTF-8 size
// once, instead of the repeated doubling of a streaming transform.
func decodeCharmap(cm *charmap.Charmap, b []byte) []byte {
	var table [256]rune
	size := 0
	for i := range table {
		table[i] = cm.DecodeByte(byte(i))
	}
	for _, c := range b {
		size += utf8.RuneLen(table[c])
	}
	out := make([]byte, 0, size)
	for _, c := range b {
		out = utf8.AppendRune(out, table[c])
	}
	return out
}
