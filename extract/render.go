package extract

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// textWriter turns content nodes into plain text: one paragraph per block,
// whitespace collapsed inside a paragraph and paragraphs separated by one
// blank line; a <br> inside a paragraph breaks the line, two in a row the
// paragraph; preformatted text keeps its lines. Figure captions are left
// to the HTML: the text is the article's prose.
type textWriter struct {
	out   strings.Builder
	para  []byte // the paragraph being written; its buffer is reused
	space bool   // a space is pending before the next word
	brk   bool   // a <br> is pending: the next word starts a new line
	pre   bool   // inside <pre>: text is kept as it is
}

func (w *textWriter) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
	default:
		return
	}
	switch n.DataAtom {
	case atom.Br:
		w.lineBreak()
		return
	case atom.Figcaption:
		return // captions stay in the HTML; the text is the prose
	}
	if isCaption(n) {
		return
	}
	block := !isInlineNode(n)
	if block {
		w.flush()
	}
	if n.DataAtom == atom.Pre && !w.pre {
		w.pre = true
		defer func() { w.pre = false }()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
	if block {
		w.flush()
	}
}

func (w *textWriter) text(s string) {
	if w.pre {
		w.para = append(w.para, strings.Trim(s, "\n")...)
		return
	}
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// A run of ASCII that is not space is written in one go.
			if isCollapsibleASCII(c) {
				w.space = true
				i++
				continue
			}
			if j := plainRun(s, i); j > i {
				w.word(s[i:j]) // single spaces and all
				i = j
				continue
			}
			j := i + 1
			for j < len(s) && asciiWordByte[s[j]] {
				j++
			}
			w.word(s[i:j])
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if isInvisible(r) {
			continue
		}
		if isCollapsible(r) {
			w.space = true
			continue
		}
		w.separate()
		w.para = utf8.AppendRune(w.para, r)
	}
}

// word writes s, which holds no space, after the pending space or line
// break if any.
func (w *textWriter) word(s string) {
	w.separate()
	w.para = append(w.para, s...)
}

// separate writes the pending line break or space, if any, before the
// next word of the paragraph.
func (w *textWriter) separate() {
	switch {
	case len(w.para) == 0:
	case w.brk:
		w.para = append(w.para, '\n')
	case w.space:
		w.para = append(w.para, ' ')
	}
	w.space, w.brk = false, false
}

// lineBreak writes a <br>: in <pre> a new line; else the next word starts
// a new line of the paragraph, and a second <br> before it (a blank line
// on the page) ends the paragraph. A <br> that starts a paragraph breaks
// nothing.
func (w *textWriter) lineBreak() {
	switch {
	case w.pre:
		w.para = append(w.para, '\n')
	case w.brk:
		w.flush()
	case len(w.para) > 0:
		w.brk = true
	}
}

// isCollapsibleASCII is isCollapsible for an ASCII byte.
func isCollapsibleASCII(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// asciiWordByte holds, by byte, whether it is ASCII and not collapsible
// space: the bytes of a run of ASCII text that is written, and counted,
// in one go. It is never changed.
var asciiWordByte = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = !isCollapsibleASCII(byte(c))
	}
	return t
}()

func isCollapsible(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\u00a0':
		return true
	}
	return false
}

func (w *textWriter) flush() {
	if len(w.para) > 0 && len(bytes.TrimSpace(w.para)) > 0 {
		if w.out.Len() > 0 {
			w.out.WriteString("\n\n")
		}
		w.out.Write(w.para)
	}
	w.para = w.para[:0]
	w.space, w.brk = false, false
}

// renderText returns the plain text of nodes.
func renderText(nodes []*html.Node) string {
	var w textWriter
	for _, n := range nodes {
		w.node(n)
	}
	w.flush()
	return w.out.String()
}

// isInvisible reports whether r is a zero-width mark that carries no text:
// byte-order marks and zero-width spaces. (ZWNJ and ZWJ shape Persian and
// Arabic words and are kept.)
func isInvisible(r rune) bool {
	return r == '\ufeff' || r == '\u200b' || r == '\u2060'
}

// isCaption reports whether n is marked up as a picture caption: one of its
// class names holds "caption" ("wp-caption-text", "image__caption"). A
// utility class that styles captions further down ("[&_figcaption]:mt-xs")
// and WordPress's "wp-caption" figure wrapper are not captions.
func isCaption(n *html.Node) bool {
	class := getAttr(n, "class")
	if class == "" || !strings.Contains(strings.ToLower(class), "caption") {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(class)) {
		if strings.Contains(w, "caption") && w != "wp-caption" && !strings.ContainsAny(w, "[]:&") {
			return true
		}
	}
	return false
}
