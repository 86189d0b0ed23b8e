package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// allowedBody parses page as Extract does and returns its body, with the
// attributes renderHTML drops before writing already dropped.
func allowedBody(t testing.TB, page string) *html.Node {
	t.Helper()
	root, err := parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	body := findElement(root, atom.Body)
	if body == nil {
		t.Fatalf("%q: no body", page)
	}
	dropForeignAttrs(body)
	return body
}

// checkAllowed writes nodes both ways and reports whether writeAllowed
// took them; when it did, its output must be the policy's.
func checkAllowed(t *testing.T, name string, nodes []*html.Node) bool {
	t.Helper()
	want, wantErr := renderSanitized(nodes)
	var b strings.Builder
	if !writeAllowed(&b, nodes) {
		return false
	}
	if wantErr != nil {
		t.Errorf("%s: writeAllowed wrote a tree html.Render refuses (%v)", name, wantErr)
	}
	if got := strings.TrimSpace(b.String()); got != want {
		t.Errorf("%s:\nwriteAllowed %q\npolicy       %q", name, got, want)
	}
	return true
}

// TestWriteAllowed holds writeAllowed to the policy's output on what
// articles hold, and checks that it leaves to the policy the trees whose
// text the policy reads otherwise.
func TestWriteAllowed(t *testing.T) {
	written := []string{
		`<p>Tom's "quote" &amp; <b>bold</b> 5 &gt; 3 &lt;tag&gt;</p><p>second</p>`,
		`<div><span class="x">a</span><o:p>b</o:p><section id="s">c</section><font color="red">d</font></div>`,
		`<p><a href="https://example.com/a?b=1&amp;c=2#f">abs</a> <a href="/rel?q=1">rel</a> <a href="mailto:x@example.com">mail</a></p>`,
		`<p><a href="javascript:alert(1)">js</a> <a>bare</a> <a href="data:text/html,x">data</a> <a href="https://example.com/a b">space</a> <a href=" https://example.com/t ">trimmed</a> <a href="HTTPS://EXAMPLE.COM/Up">upper</a> <a href="http://[::1">bad</a></p>`,
		`<figure><img src="https://example.com/i.jpg" alt="a &quot;b&quot;" width="10" height="5" class="x" srcset="https://example.com/1.jpg 1x, https://example.com/2.jpg 2x"><figcaption>cap</figcaption></figure>`,
		`<p><img alt="no source"> <img src="javascript:x" alt="js"> <img src="vbscript:x"> <br><hr><wbr></p>`,
		`<p><img src="https://example.com/i.jpg" srcset="javascript:alert(1) 1x, https://example.com/2.jpg 2x"> <img src="https://example.com/j.jpg" srcset="data:text/html,x 1x"></p>`,
		`<p><a href="https://example.com/" onclick="alert(1)" style="x" target="_blank">on</a><img src="https://example.com/k.jpg" onerror="alert(1)"></p>`,
		`<div><object data="x"><p>hidden</p><a>in</a></object><nostyle>gone</nostyle><p>kept</p></div>`,
		`<pre>

code &lt; here</pre><pre>
one</pre><listing>

listed</listing>`,
		`<table><caption>c</caption><colgroup><col span="2"></colgroup><thead><tr><th colspan="2" style="x">h</th></tr></thead><tbody><tr><td colspan="2" rowspan="3" class="y">c</td></tr></tbody></table>`,
		`<ul><li>one</li><li><em>two</em> <strong>three</strong> <sup>4</sup></li></ul><ol><li>x</li></ol><dl><dt>t</dt><dd>d</dd></dl>`,
		`<blockquote><p>q <q>inner</q> <cite>c</cite> <abbr title="t">a</abbr> <code>x</code> <kbd>k</kbd></p></blockquote>`,
		`<div><details><summary>s</summary>d</details><time datetime="2024">t</time><picture><source srcset="x"><img src="https://example.com/p.jpg"></picture></div>`,
		`<h2>Title</h2><h3 class="x">Sub</h3><p>text with a line&#13;break and a tab	here</p>`,
		`<p>` + "\u0627\u0644\u0639\u0631\u0628\u064a\u0629" + ` <a href="https://example.com/` + "\u0639" + `">` + "\u0631\u0627\u0628\u0637" + `</a></p>`,
		`<div><video src="v.mp4"><p>fallback</p></video><audio>a</audio><canvas>c</canvas></div>`,
	}
	for _, page := range written {
		if !checkAllowed(t, page, []*html.Node{allowedBody(t, page)}) {
			t.Errorf("%s: left to the policy", page)
		}
	}

	left := []string{
		`<p>a</p><xmp>raw <b>text</b></xmp>`,
		`<p>a</p><noscript><p>markup under noscript</p></noscript>`,
		`<p>a</p><iframe src="x">f</iframe>`,
		`<a href="https://example.com/1"><table><tr><td><a href="https://example.com/2">inner</a></td></tr></table></a>`,
		`<svg><foreignObject><p>x</p></foreignObject></svg>`,
		`<p>a</p><plaintext>all the rest`,
	}
	for _, page := range left {
		if checkAllowed(t, page, []*html.Node{allowedBody(t, page)}) {
			t.Errorf("%s: written by writeAllowed, not the policy", page)
		}
	}

	// Trees no parser makes but the extractor's own code might.
	text := func(s string) *html.Node { return &html.Node{Type: html.TextNode, Data: s} }
	elem := func(name string, attrs []html.Attribute, kids ...*html.Node) *html.Node {
		n := &html.Node{Type: html.ElementNode, Data: name, DataAtom: atom.Lookup([]byte(name)), Attr: attrs}
		for _, k := range kids {
			n.AppendChild(k)
		}
		return n
	}
	body := func(kids ...*html.Node) []*html.Node { return []*html.Node{elem("body", nil, kids...)} }
	if !checkAllowed(t, "NUL in a URL and a text", body(elem("p", nil,
		elem("img", []html.Attribute{{Key: "src", Val: "https://example.com/a\x00b.jpg"}, {Key: "alt", Val: "x\x00y"}}),
		text("nul\x00here")))) {
		t.Error("NUL: left to the policy")
	}
	if !checkAllowed(t, "a namespaced href", body(elem("a", []html.Attribute{{Namespace: "xlink", Key: "href", Val: "https://example.com/"}}, text("x")))) {
		t.Error("namespaced href: left to the policy")
	}
	for name, nodes := range map[string][]*html.Node{
		"a comment":                   body(elem("p", nil, text("a")), &html.Node{Type: html.CommentNode, Data: "c"}),
		"a void element with text":    body(elem("br", nil, text("x"))),
		"an uppercase name":           body(elem("myBox", nil, text("x"))),
		"a name with a space":         body(elem("p x", nil, text("x"))),
		"a name opening with a digit": body(elem("1p", nil, text("x"))),
	} {
		if checkAllowed(t, name, nodes) {
			t.Errorf("%s: written by writeAllowed, not the policy", name)
		}
	}

	// Every element the policy knows, and some it does not, alone.
	names := append(allowedElements[:], "a", "img", "div", "span", "section", "article", "font",
		"center", "listing", "nostyle", "object", "frame", "embed", "input", "source", "wbr",
		"custom-element", "o:p", "math", "mi")
	attrs := []html.Attribute{{Key: "href", Val: "https://example.com/h"}, {Key: "src", Val: "/s.jpg"},
		{Key: "alt", Val: "a"}, {Key: "colspan", Val: "2"}, {Key: "width", Val: "1"}}
	for _, name := range names {
		for _, with := range [][]html.Attribute{nil, attrs} {
			n := elem(name, with)
			if !isVoidTag(name) {
				n.AppendChild(text("x & y"))
			}
			if !checkAllowed(t, name, body(elem("p", nil, text("before")), n)) {
				t.Errorf("<%s>: left to the policy", name)
			}
		}
	}
}

// FuzzWriteAllowed holds writeAllowed to the policy's output on any page
// it takes.
func FuzzWriteAllowed(f *testing.F) {
	for _, seed := range []string{
		`<p>a <b>b</b> <a href="/x">c</a> <img src="y.jpg" alt="z"></p>`,
		`<div><object><p>x</p></object><a>y</a><a href="javascript:z">w</a></div>`,
		`<pre>` + "\n\n" + `x</pre><table><tr><td colspan="2">c</td></tr></table>`,
		`<a href="1"><table><tr><td><a href="2">x</a></td></tr></table></a>`,
		`<p>x<xmp>y</xmp><noscript><p>z</p></noscript></p>`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, page string) {
		body := allowedBody(t, page)
		checkAllowed(t, page, []*html.Node{body})
	})
}
