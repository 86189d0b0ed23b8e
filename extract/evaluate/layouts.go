package evaluate

import (
	"bytes"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/refeed/refeed/internal/textkit"
)

// A Layout rewrites a page of a corpus into a layout the corpora hold few
// of, so that an extractor can be scored on pages built unlike those it
// was tuned on. Each tag or attribute is rewritten alone, so a page's own
// markup errors stay as they were.
type Layout func(page []byte) []byte

// Layouts are the rewrites by name:
//   - "bare": class, id, role, itemprop, aria-* and data-* attributes
//     stripped, as on sites without meaningful names;
//   - "old": bare, and the HTML5 sections (article, main, aside, nav,
//     header, footer, section) turned into divs, as built before HTML5;
//   - "p-as-div": every <p> a <div>, as written without paragraphs;
//   - "p-wrapped": every <p> wrapped in two divs, as page builders and
//     component frameworks do;
//   - "split": the block holding most paragraphs cut in two sibling
//     blocks around an advertisement, as sites that inject ads into the
//     story's markup have it;
//   - "ads": an advertisement after every second paragraph of that
//     block, as sites with ad slots between paragraphs have it;
//   - "folded": the second half of that block hidden by inline style
//     behind a "Read more" button, as sites that fold long stories have
//     it until the reader unfolds them;
//   - "builder": that block's content moved into a page builder's text
//     widget (Elementor's markup, whose class names say "widget"), as
//     sites whose theme is classic but whose posts are built with a page
//     builder have it;
//   - "builder-sections": that block's content cut before each heading
//     into sections, each moved into a text widget of its own in one
//     column of a page builder (Elementor's markup), as pages built
//     section by section in a page builder have it;
//   - "comments": a thread of readers' comments, without class names and
//     holding more text than the story, right after that block, as
//     blogs and news sites that keep their comments beside the story
//     have it;
//   - "signed-comments": that thread without its reply links, each
//     comment known only by its signature (the reader's name and a
//     date), as sites whose comments take no replies have it;
//   - "consent": a cookie consent dialog without class names at the end
//     of the body, longer than a short story, as sites whose consent
//     platform writes its dialog into the page have it;
//   - "about": the site's "about" blurb, a titled box of prose about the
//     publisher without class names, at the end of the body, longer than
//     a short story, as sites that describe themselves beside every
//     story have it;
//   - "licence": the licence the site publishes its stories under, a
//     box of two paragraphs without class names at the end of the body
//     (the terms of a Creative Commons licence, and the rights in the
//     photographs), as blogs and open-access publishers have it.
var Layouts = map[string]Layout{
	"ads":              AdsBetweenParagraphs,
	"builder":          InBuilderWidget,
	"builder-sections": InBuilderSections,
	"comments":         WithComments,
	"consent":          WithConsent,
	"about":            WithAbout,
	"licence":          WithLicence,
	"folded":           FoldStory,
	"bare":             StripHints,
	"old":              OldLayout,
	"p-as-div":         ParagraphsAsDivs,
	"p-wrapped":        WrappedParagraphs,
	"split":            SplitAroundAd,

	"signed-comments": WithSignedComments,
}

// LayoutNames returns the names of Layouts, sorted.
func LayoutNames() []string { return slices.Sorted(maps.Keys(Layouts)) }

var (
	hintAttrs      = regexp.MustCompile(`(?i)\s(?:class|id|role|itemprop|itemtype|itemscope|aria-[a-z]+|data-[a-z-]+)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)`)
	sectionOpen    = regexp.MustCompile(`(?i)<(?:article|main|aside|nav|header|footer|section)(\s[^>]*)?>`)
	sectionClose   = regexp.MustCompile(`(?i)</(?:article|main|aside|nav|header|footer|section)\s*>`)
	lazyImageAttr  = regexp.MustCompile(`(?i)^\sdata-[a-z-]*(?:src|original)`)
	streamedPartID = regexp.MustCompile(`^\sid\s*=\s*["']?[SBP]:[0-9]+["']?$`)
	paragraphOpen  = regexp.MustCompile(`(?i)<p(\s[^>]*)?>`)
	paragraphClose = regexp.MustCompile(`(?i)</p\s*>`)
)

// StripHints removes the attributes that name a page's parts: class, id,
// role, itemprop, itemtype, itemscope, aria-* and data-*, but for the
// data-* attributes that carry a lazy image's address (data-src,
// data-lazy-srcset, data-original) and the ids that place the parts of a
// page React streams ("S:1", "B:1", "P:1"): those work the page, they
// name nothing.
func StripHints(page []byte) []byte {
	return hintAttrs.ReplaceAllFunc(page, func(attr []byte) []byte {
		if lazyImageAttr.Match(attr) || streamedPartID.Match(attr) {
			return attr
		}
		return nil
	})
}

// OldLayout strips the hint attributes and turns the HTML5 sections into
// divs.
func OldLayout(page []byte) []byte {
	page = sectionOpen.ReplaceAll(page, []byte("<div$1>"))
	page = sectionClose.ReplaceAll(page, []byte("</div>"))
	return StripHints(page)
}

// ParagraphsAsDivs turns every paragraph into a div.
func ParagraphsAsDivs(page []byte) []byte {
	page = paragraphOpen.ReplaceAll(page, []byte("<div$1>"))
	return paragraphClose.ReplaceAll(page, []byte("</div>"))
}

// WrappedParagraphs wraps every paragraph in two divs.
func WrappedParagraphs(page []byte) []byte {
	page = paragraphOpen.ReplaceAll(page, []byte("<div><div><p$1>"))
	return paragraphClose.ReplaceAll(page, []byte("</p></div></div>"))
}

// minSplitParagraphs is how many paragraphs a block needs for
// SplitAroundAd and PlantMidStory to find its middle, and
// minSplitParagraphChars how long each must be to count.
const (
	minSplitParagraphs     = 4
	minSplitParagraphChars = 40
)

// advertisement is the block SplitAroundAd puts between the two halves.
const advertisement = `<div><div>Advertisement</div><div><iframe src="/ad"></iframe></div></div>`

// SplitAroundAd finds the element with the most paragraphs among its
// children and moves its children into two divs, cut before the middle
// paragraph, with an advertisement between them. A page without such an
// element, or that does not parse, is returned as it is.
func SplitAroundAd(page []byte) []byte {
	root, block, cut := storyMiddle(page)
	if cut == nil {
		return page
	}
	first, second := newDiv(), newDiv()
	into := first
	for c := block.FirstChild; c != nil; {
		next := c.NextSibling
		if c == cut {
			into = second
		}
		block.RemoveChild(c)
		into.AppendChild(c)
		c = next
	}
	block.AppendChild(first)
	ad, err := parseFragment(advertisement)
	if err != nil {
		return page
	}
	for _, a := range ad {
		block.AppendChild(a)
	}
	block.AppendChild(second)
	return render(root, page)
}

// AdsBetweenParagraphs finds the element with the most paragraphs among
// its children and puts an advertisement after every second one of them
// that has a sibling after it. A page without such an element, or that
// does not parse, is returned as it is.
func AdsBetweenParagraphs(page []byte) []byte {
	root, block, cut := storyMiddle(page)
	if cut == nil {
		return page
	}
	seen := 0
	for c := block.FirstChild; c != nil; c = c.NextSibling {
		if !isParagraph(c) {
			continue
		}
		if seen++; seen%2 != 0 || c.NextSibling == nil {
			continue
		}
		ad, err := parseFragment(advertisement)
		if err != nil {
			return page
		}
		for _, a := range ad {
			block.InsertBefore(a, c.NextSibling)
			c = a
		}
	}
	return render(root, page)
}

// builderWidget is the text widget InBuilderWidget moves a story into,
// as Elementor writes it: the story goes into the inner div.
const builderWidget = `<div class="elementor-element elementor-widget elementor-widget-text-editor">` +
	`<div class="elementor-widget-container"></div></div>`

// InBuilderWidget finds the element with the most paragraphs among its
// children and moves all its children into a page builder's text widget
// (builderWidget) in their place. A page without such an element, or that
// does not parse, is returned as it is.
func InBuilderWidget(page []byte) []byte {
	root, block, cut := storyMiddle(page)
	if cut == nil {
		return page
	}
	nodes, err := parseFragment(builderWidget)
	if err != nil || len(nodes) != 1 || nodes[0].FirstChild == nil {
		return page
	}
	moveFrom(block.FirstChild, nodes[0].FirstChild)
	block.AppendChild(nodes[0])
	return render(root, page)
}

// builderColumn is the column of a page builder's section that
// InBuilderSections moves a story's sections into, as Elementor writes it:
// the widgets go into the innermost div.
const builderColumn = `<div class="elementor-section elementor-top-section">` +
	`<div class="elementor-container"><div class="elementor-column elementor-col-100">` +
	`<div class="elementor-widget-wrap elementor-element-populated"></div></div></div></div>`

// InBuilderSections finds the element with the most paragraphs among its
// children and cuts its children before each heading into sections, each
// moved into a text widget of its own (builderWidget) in a page builder's
// column (builderColumn), in their place. A page without such an element,
// or that does not parse, is returned as it is.
func InBuilderSections(page []byte) []byte {
	root, block, cut := storyMiddle(page)
	if cut == nil {
		return page
	}
	nodes, err := parseFragment(builderColumn)
	if err != nil || len(nodes) != 1 {
		return page
	}
	column := nodes[0]
	for column.FirstChild != nil {
		column = column.FirstChild
	}
	var section *html.Node
	for c := block.FirstChild; c != nil; {
		next := c.NextSibling
		if section == nil || isHeading(c) {
			widget, err := parseFragment(builderWidget)
			if err != nil || len(widget) != 1 || widget[0].FirstChild == nil {
				return page
			}
			column.AppendChild(widget[0])
			section = widget[0].FirstChild
		}
		block.RemoveChild(c)
		section.AppendChild(c)
		c = next
	}
	block.AppendChild(nodes[0])
	return render(root, page)
}

// isHeading reports whether n is a heading element, <h1> to <h6>.
func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return n.Type == html.ElementNode
	}
	return false
}

// foldOpen and readMore are the hidden element FoldStory moves the second
// half of a story into, and the button before it.
const (
	foldOpen = `<div style="display:none">`
	readMore = `<button>Read more</button>`
)

// FoldStory finds the element with the most paragraphs among its children
// and moves its children from the middle paragraph on into a div hidden
// by inline style, after a "Read more" button. A page without such an
// element, or that does not parse, is returned as it is.
func FoldStory(page []byte) []byte {
	root, block, cut := storyMiddle(page)
	if cut == nil {
		return page
	}
	nodes, err := parseFragment(readMore + foldOpen + `</div>`)
	if err != nil || len(nodes) != 2 {
		return page
	}
	fold := nodes[1]
	moveFrom(cut, fold)
	block.AppendChild(nodes[0])
	block.AppendChild(fold)
	return render(root, page)
}

// PlantMidStory puts fragment, read as HTML, before the middle paragraph
// of the element with the most paragraphs among its children, as sites
// put ads, newsletter boxes and notices into the story's markup. A page
// without such an element, or that does not parse, is returned as it is.
func PlantMidStory(page []byte, fragment string) []byte {
	root, block, cut := storyMiddle(page)
	if cut == nil {
		return page
	}
	nodes, err := parseFragment(fragment)
	if err != nil {
		return page
	}
	for _, n := range nodes {
		block.InsertBefore(n, cut)
	}
	return render(root, page)
}

// storyMiddle parses page and returns its root, the element with the
// most paragraphs among its children, and the paragraph in its middle;
// cut is nil when no element holds minSplitParagraphs paragraphs.
func storyMiddle(page []byte) (root, block, cut *html.Node) {
	root, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, nil, nil
	}
	block, n := mostParagraphs(root)
	if n < minSplitParagraphs {
		return root, block, nil
	}
	return root, block, nthParagraph(block, n/2+1)
}

// nthParagraph returns the k-th child of block that is a paragraph
// (isParagraph), counting from 1, or nil when block has fewer.
func nthParagraph(block *html.Node, k int) *html.Node {
	seen := 0
	for c := block.FirstChild; c != nil; c = c.NextSibling {
		if isParagraph(c) {
			if seen++; seen == k {
				return c
			}
		}
	}
	return nil
}

// moveFrom moves c and the siblings after it, in order, to the end of to.
func moveFrom(c, to *html.Node) {
	for c != nil {
		next := c.NextSibling
		c.Parent.RemoveChild(c)
		to.AppendChild(c)
		c = next
	}
}

// render returns the page under root as HTML, or page when that fails.
func render(root *html.Node, page []byte) []byte {
	var b bytes.Buffer
	if err := html.Render(&b, root); err != nil {
		return page
	}
	return b.Bytes()
}

// mostParagraphs returns the element under n with the most paragraph
// children (see isParagraph), and their number; the first one on a tie.
func mostParagraphs(n *html.Node) (*html.Node, int) {
	best, most := n, 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if isParagraph(c) {
			most++
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if b, k := mostParagraphs(c); k > most {
			best, most = b, k
		}
	}
	return best, most
}

// isParagraph reports whether n is a <p> of at least
// minSplitParagraphChars bytes of text.
func isParagraph(n *html.Node) bool {
	return n.Type == html.ElementNode && n.DataAtom == atom.P && textLen(n) >= minSplitParagraphChars
}

// textLen is the length in bytes of the text under n, without the
// surrounding spaces of each text node.
func textLen(n *html.Node) int {
	if n.Type == html.TextNode {
		return len(strings.TrimSpace(n.Data))
	}
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += textLen(c)
	}
	return total
}

// parseFragment reads s as HTML inside a div, the way the rewrites put
// their blocks into a story's block.
func parseFragment(s string) ([]*html.Node, error) {
	return html.ParseFragment(strings.NewReader(s), newDiv())
}

func newDiv() *html.Node {
	return &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
}

// readerComments are the comments WithComments writes under a story, in
// English and in Arabic: readers' opinions, long enough each to pass for a
// paragraph of a story.
var readerComments = map[string][]string{
	"en": {
		"I have been following this for years and I still do not understand why nobody asked the obvious question. Where does the money actually go once it has been approved, and who checks that it arrives? Every time a story like this comes out we get the same promises and then nothing changes at all.",
		"Great write-up, thank you. My family lived through something very similar a decade ago and reading this brought a lot of it back. What helped us most was talking to neighbours who had been through it before, not the official advice, which arrived late and contradicted itself twice.",
		"With respect to the previous commenter, I think you are missing the bigger picture here. The numbers quoted are averages, and averages hide the people at the edges who are hit hardest. I would have liked the article to say more about them, but otherwise it was fair.",
		"This is exactly the kind of reporting we need more of. I shared it with my colleagues at work and we spent the whole lunch break arguing about the second half. Half of us think the plan will work; the other half think it is a distraction from what really matters.",
		"Does anyone know whether the same rules apply outside the capital? I live about two hours away and nothing described here seems to have reached us yet. The office in our town closed last spring and the nearest one now is only open on Tuesdays.",
		"I disagree with almost everything in this piece, but I appreciate that it was written calmly and with sources. Too much of what I read these days is shouting. For what it is worth, I think the author underestimates how quickly opinion can change once people see results.",
		"Sad to read. We used to go there every summer when the children were small, and it is hard to imagine the place as it is described now. I hope somebody with the power to fix it reads this and does something before the next season starts.",
		"Could the editors please add a link to the original report? I would like to read the full figures rather than the summary. Also, the chart in the middle of the article does not load on my phone, which makes the paragraph after it difficult to follow.",
	},
	"ar": {
		"أتابع هذا الموضوع منذ سنوات وما زلت لا أفهم لماذا لم يسأل أحد السؤال الواضح. أين تذهب الأموال بعد إقرارها، ومن يتحقق من وصولها؟ في كل مرة يُنشر خبر كهذا نسمع الوعود نفسها ثم لا يتغير شيء على الإطلاق.",
		"شكراً على هذا التقرير الجيد. عاشت عائلتي تجربة مشابهة قبل عشر سنوات، وأعادت القراءة إليّ الكثير من الذكريات. أكثر ما ساعدنا كان الحديث مع الجيران الذين مروا بالتجربة نفسها، لا النصائح الرسمية التي وصلت متأخرة.",
		"مع احترامي للأخ صاحب التعليق السابق، أظن أنك تغفل الصورة الأكبر. الأرقام المذكورة متوسطات، والمتوسطات تخفي الناس الأكثر تضرراً. كنت أتمنى أن يتحدث المقال عنهم أكثر، لكنه كان منصفاً في غير ذلك.",
		"هذا بالضبط نوع الصحافة الذي نحتاج إليه. شاركته مع زملائي في العمل وقضينا استراحة الغداء كلها نتجادل حول النصف الثاني منه. نصفنا يرى أن الخطة ستنجح، والنصف الآخر يراها إلهاءً عما يهم حقاً.",
		"هل يعرف أحد إن كانت القواعد نفسها تطبق خارج العاصمة؟ أسكن على بعد ساعتين ولم يصلنا شيء مما ورد هنا حتى الآن. أُغلق المكتب في مدينتنا في الربيع الماضي وأقرب مكتب الآن لا يفتح إلا يوم الثلاثاء.",
		"أختلف مع كل ما جاء في هذا المقال تقريباً، لكنني أقدّر أنه كُتب بهدوء ومع مصادر. كثير مما أقرؤه هذه الأيام صراخ. وفي رأيي أن الكاتب يقلل من سرعة تغير الرأي العام حين يرى الناس النتائج.",
	},
}

// commentNames are the readers who sign the comments WithComments writes.
var commentNames = []string{"Sam K.", "Layla", "Omar 1984", "J. Fischer", "rivertown", "Noor H.", "Dave", "m.castro"}

// minCommentShare is how much text the comments WithComments writes hold
// at the least, as a share of the story block's, and maxComments how many
// comments it writes at most.
const (
	minCommentShare = 1.5
	maxComments     = 60
)

// WithComments finds the element with the most paragraphs among its
// children, and the whole story around it (see wholeStory), and puts a
// thread of readers' comments right after that, with
// no class or id names: a heading with their number, then one box per
// comment (the reader's name as a link, a date, the comment as a
// paragraph, a reply link), then a reply form. The comments hold one and
// a half times the block's text at the least, so a pick that goes by the
// amount of prose alone takes them. They are in Arabic when the block's
// letters are mostly of a right-to-left script, in English otherwise. A
// page without such an element, or that does not parse, is returned as
// it is.
func WithComments(page []byte) []byte { return withThread(page, true) }

// WithSignedComments is WithComments without the reply links: each
// comment is a box with the reader's name, a date and the comment alone.
func WithSignedComments(page []byte) []byte { return withThread(page, false) }

// withThread puts WithComments' thread under the story, each comment
// with a reply link when replies is set.
func withThread(page []byte, replies bool) []byte {
	root, block, cut := storyMiddle(page)
	if cut == nil || block.Parent == nil {
		return page
	}
	block = wholeStory(block)
	lang, heading, reply, form := "en", "%d Comments", "Reply", `<h3>Leave a Reply</h3><form action="/comment" method="post"><textarea name="comment"></textarea><input name="author"><button type="submit">Post Comment</button></form>`
	if mostlyRightToLeft(block) {
		lang, heading, reply, form = "ar", "التعليقات (%d)", "رد", `<h3>أضف تعليقاً</h3><form action="/comment" method="post"><textarea name="comment"></textarea><input name="author"><button type="submit">إرسال</button></form>`
	}
	texts := readerComments[lang]
	var comments strings.Builder
	n, written, want := 0, 0, int(minCommentShare*float64(textLen(block)))
	for ; n < maxComments && (n < 3 || written < want); n++ {
		text := texts[n%len(texts)]
		written += len(text)
		fmt.Fprintf(&comments, `<div><div><a href="/user/%d">%s</a> <span>%d March 2021, %d:%02d</span></div><p>%s</p>`,
			n, html.EscapeString(commentNames[n%len(commentNames)]), 1+n%28, 8+n%12, (7*n)%60, html.EscapeString(text))
		if replies {
			fmt.Fprintf(&comments, `<div><a href="#reply-%d">%s</a></div>`, n, reply)
		}
		comments.WriteString(`</div>`)
	}
	nodes, err := parseFragment(`<div><h3>` + fmt.Sprintf(heading, n) + `</h3>` + comments.String() + form + `</div>`)
	if err != nil || len(nodes) != 1 {
		return page
	}
	block.Parent.InsertBefore(nodes[0], block.NextSibling)
	return render(root, page)
}

// wholeStory returns the highest ancestor of block, below <body>, that
// holds more paragraph text than the ancestor below it while paragraphs
// are at least half its text, climbing no further than the first that
// is not: a story whose sections each have a block of their own is
// whole there, before the page's other parts.
func wholeStory(block *html.Node) *html.Node {
	story, prose := block, paragraphText(block)
	for p := block.Parent; p != nil && p.DataAtom != atom.Body; p = p.Parent {
		n := paragraphText(p)
		if 2*n < textLen(p) {
			break
		}
		if n > prose {
			story, prose = p, n
		}
	}
	return story
}

// paragraphText is the length of the text in the paragraphs under n
// (see isParagraph).
func paragraphText(n *html.Node) int {
	if isParagraph(n) {
		return textLen(n)
	}
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += paragraphText(c)
	}
	return total
}

// mostlyRightToLeft reports whether most letters under n are of a
// right-to-left script (textkit.TextDirection), as Arabic's are.
func mostlyRightToLeft(n *html.Node) bool {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return textkit.TextDirection(b.String()) == "rtl"
}

// consentDialogs are the dialogs WithConsent writes, in English and in
// Arabic: a title, what the site and its partners do, what the reader may
// do, each kind of cookie under a title of its own, and the buttons.
var consentDialogs = map[string]string{
	"en": `<div><div><h2>We value your privacy</h2>` +
		`<p>We and our 842 partners store and access information on your device, such as cookies and unique identifiers, and process personal data such as your IP address and browsing behaviour, to personalise the ads and content you see, to measure how ads and content perform, to learn about our audiences and to develop and improve our products. With your permission we and our partners may use precise geolocation data and identify your device by scanning it.</p>` +
		`<p>You may click to consent to our and our partners' processing as described above. Alternatively you may access more detailed information and change your preferences before consenting or refuse to consent. Please note that some processing of your personal data may not require your consent, but you have a right to object to such processing. Your preferences will apply to this website only, and you can change them at any time by returning to this site or visiting our privacy policy.</p>` +
		`<div><h3>Strictly necessary cookies</h3><p>These cookies are necessary for the website to function and cannot be switched off in our systems. They are usually only set in response to actions made by you which amount to a request for services, such as setting your privacy preferences, logging in or filling in forms. You can set your browser to block or alert you about these cookies, but some parts of the site will not then work.</p></div>` +
		`<div><h3>Performance cookies</h3><p>These cookies allow us to count visits and traffic sources so we can measure and improve the performance of our site. They help us to know which pages are the most and least popular and see how visitors move around the site. All information these cookies collect is aggregated and therefore anonymous. If you do not allow these cookies we will not know when you have visited our site.</p></div>` +
		`<div><h3>Targeting cookies</h3><p>These cookies may be set through our site by our advertising partners. They may be used by those companies to build a profile of your interests and show you relevant adverts on other sites. They do not store directly personal information, but are based on uniquely identifying your browser and internet device. If you do not allow these cookies, you will experience less targeted advertising.</p></div>` +
		`<div><button>Reject all</button><button>Manage preferences</button><button>Accept all</button></div></div></div>`,
	"ar": `<div><div><h2>نحن نحترم خصوصيتك</h2>` +
		`<p>نقوم نحن وشركاؤنا البالغ عددهم 842 بتخزين المعلومات على جهازك والوصول إليها، مثل ملفات تعريف الارتباط والمعرفات الفريدة، ونعالج البيانات الشخصية مثل عنوان IP وسلوك التصفح، لتخصيص الإعلانات والمحتوى الذي تراه، ولقياس أداء الإعلانات والمحتوى، ولمعرفة جمهورنا وتطوير منتجاتنا وتحسينها. وبإذنك قد نستخدم نحن وشركاؤنا بيانات الموقع الجغرافي الدقيقة.</p>` +
		`<p>يمكنك النقر للموافقة على المعالجة الموضحة أعلاه من جانبنا ومن جانب شركائنا، أو الاطلاع على معلومات أكثر تفصيلاً وتغيير تفضيلاتك قبل الموافقة أو رفضها. يرجى العلم أن بعض معالجة بياناتك الشخصية قد لا تتطلب موافقتك، لكن من حقك الاعتراض عليها. تنطبق تفضيلاتك على هذا الموقع فقط، ويمكنك تغييرها في أي وقت بالعودة إلى الموقع أو بزيارة سياسة الخصوصية.</p>` +
		`<div><h3>ملفات تعريف الارتباط الضرورية</h3><p>هذه الملفات ضرورية لعمل الموقع ولا يمكن إيقافها في أنظمتنا. وهي لا تُضبط عادة إلا استجابة لإجراءات تقوم بها، مثل ضبط تفضيلات الخصوصية أو تسجيل الدخول أو ملء النماذج. يمكنك ضبط متصفحك لحظرها أو لتنبيهك إليها، لكن بعض أجزاء الموقع لن تعمل حينئذ.</p></div>` +
		`<div><h3>ملفات تعريف الارتباط الخاصة بالأداء</h3><p>تتيح لنا هذه الملفات عدّ الزيارات ومصادر الحركة لنقيس أداء موقعنا ونحسّنه، وتساعدنا على معرفة الصفحات الأكثر والأقل شعبية وكيف يتنقل الزوار في الموقع. كل المعلومات التي تجمعها مجمّعة وبالتالي مجهولة الهوية.</p></div>` +
		`<div><h3>ملفات تعريف الارتباط الإعلانية</h3><p>قد يضبط شركاؤنا في الإعلانات هذه الملفات عبر موقعنا، وقد تستخدمها تلك الشركات لبناء ملف عن اهتماماتك وعرض إعلانات ملائمة لك على مواقع أخرى. وهي لا تخزن معلومات شخصية مباشرة، بل تعتمد على تمييز متصفحك وجهازك.</p></div>` +
		`<div><button>رفض الكل</button><button>إدارة التفضيلات</button><button>قبول الكل</button></div></div></div>`,
}

// WithConsent puts a cookie consent dialog with no class or id names at
// the end of the body (see appendToBody): a title, two paragraphs on what
// the site and its partners do with the reader's data and what the reader
// may do, three kinds of cookie each under a title, and the buttons, some
// 2,200 characters in all, more than a short story holds; in Arabic under
// an Arabic story.
func WithConsent(page []byte) []byte { return appendToBody(page, consentDialogs) }

// aboutBlurbs are the boxes WithAbout writes, in English and in Arabic:
// the publisher's name as a title over three paragraphs on its history,
// its newsroom and its standards.
var aboutBlurbs = map[string]string{
	"en": `<div><div><h3>About The Courier</h3>` +
		`<p>The Courier was founded in 1952 by a group of printers and teachers who believed that the valley deserved a newspaper of its own, one that would report on the council, the courts and the schools with the same care that the national papers gave to parliament. Seventy years later it is still owned by a trust set up by their families, and it still answers to its readers rather than to shareholders.</p>` +
		`<p>Today a team of twenty-two reporters, photographers and editors works from the old print works on Mill Street, publishing news around the clock on this site and a weekly printed edition every Thursday. The newsroom covers local politics, business, crime, sport and culture across the twelve towns of the valley, and runs an investigations desk that has won national awards three times in the past decade.</p>` +
		`<p>The Courier is a member of the independent press standards body and follows its editors' code. Corrections are published on page two of the printed edition and at the foot of the article concerned online. Readers who believe we have got something wrong can write to the readers' editor, who reports each year on the complaints received and how they were handled.</p></div></div>`,
	"ar": `<div><div><h3>عن صحيفة البريد</h3>` +
		`<p>تأسست صحيفة البريد عام 1952 على يد مجموعة من عمال المطابع والمعلمين الذين رأوا أن الوادي يستحق صحيفة خاصة به، تغطي أخبار المجلس والمحاكم والمدارس بالعناية نفسها التي توليها الصحف الوطنية للبرلمان. وبعد سبعين عاماً ما زالت مملوكة لوقف أسسته عائلاتهم، وما زالت مسؤولة أمام قرائها لا أمام المساهمين.</p>` +
		`<p>ويعمل فيها اليوم فريق من اثنين وعشرين مراسلاً ومصوراً ومحرراً من مبنى المطبعة القديمة في شارع الطاحونة، ينشرون الأخبار على مدار الساعة في هذا الموقع وفي طبعة ورقية أسبوعية تصدر كل خميس، ويغطون السياسة المحلية والاقتصاد والجريمة والرياضة والثقافة في مدن الوادي الاثنتي عشرة.</p>` +
		`<p>والصحيفة عضو في هيئة معايير الصحافة المستقلة وتلتزم بميثاقها، وتنشر التصحيحات في الصفحة الثانية من الطبعة الورقية وفي ذيل المقال المعني على الموقع، ويمكن للقراء الذين يرون خطأً فيما نشرناه أن يكتبوا إلى محرر القراء الذي يصدر كل عام تقريراً عن الشكاوى وطريقة معالجتها.</p></div></div>`,
}

// WithAbout puts the site's "about" blurb, a box with no class or id
// names holding a title and three paragraphs on the publisher, some
// 1,200 characters in all, at the end of the body, as WithConsent puts
// its dialog: in Arabic when the letters of the element with the most
// paragraphs are mostly of a right-to-left script, in English otherwise.
func WithAbout(page []byte) []byte { return appendToBody(page, aboutBlurbs) }

// licenceBoxes are the boxes WithLicence writes, in English and in
// Arabic: the terms of a Creative Commons licence in the words its deed
// uses, and a line on the rights in the photographs.
var licenceBoxes = map[string]string{
	"en": `<div><div>` +
		`<p>This work is licensed under a Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International License. You are free to share, copy and redistribute the material in any medium or format, and to adapt, remix, transform and build upon it, under the following terms: you must give appropriate credit, provide a link to the license, and indicate if changes were made. You may do so in any reasonable manner, but not in any way that suggests the licensor endorses you or your use. You may not use the material for commercial purposes. If you remix, transform or build upon the material, you must distribute your contributions under the same license as the original.</p>` +
		`<p>Unless otherwise noted, the photographs are the property of their owners and are not covered by this license. Trademarks and logos remain the property of their owners.</p></div></div>`,
	"ar": `<div><div>` +
		`<p>هذا العمل مرخص بموجب رخصة المشاع الإبداعي: نسب المصنف - غير تجاري - الترخيص بالمثل 4.0 دولي. يحق لك نسخ المادة وإعادة توزيعها بأي وسيلة أو صيغة، وتعديلها والبناء عليها، بالشروط التالية: أن تنسب العمل إلى صاحبه بالطريقة المناسبة، وأن تضع رابطاً إلى الرخصة، وأن تبين ما أجريته من تغييرات، دون أن توحي بأن المرخص يؤيدك أو يؤيد استخدامك. ولا يجوز لك استخدام المادة لأغراض تجارية، وإذا عدلتها أو بنيت عليها فعليك أن توزع مساهمتك بالرخصة نفسها.</p>` +
		`<p>ما لم يذكر خلاف ذلك، فإن الصور ملك لأصحابها ولا تشملها هذه الرخصة، والعلامات التجارية والشعارات ملك لأصحابها. جميع الحقوق محفوظة.</p></div></div>`,
}

// WithLicence puts the licence the site publishes its stories under, a
// box with no class or id names holding the terms of a Creative Commons
// licence and a line on the rights in the photographs, some 900
// characters in all, at the end of the body, as WithConsent puts its
// dialog: in Arabic under an Arabic story, in English otherwise.
func WithLicence(page []byte) []byte { return appendToBody(page, licenceBoxes) }

// appendToBody puts the fragment of boxes for the page's language (en or
// ar) at the end of its body. The language is Arabic when the letters of
// the element with the most paragraphs are mostly of a right-to-left
// script. A page without such an element (see storyMiddle), or that does
// not parse, is returned as it is.
func appendToBody(page []byte, boxes map[string]string) []byte {
	root, block, cut := storyMiddle(page)
	if cut == nil {
		return page
	}
	body := block
	for body != nil && body.DataAtom != atom.Body {
		body = body.Parent
	}
	if body == nil {
		return page
	}
	lang := "en"
	if mostlyRightToLeft(block) {
		lang = "ar"
	}
	nodes, err := parseFragment(boxes[lang])
	if err != nil || len(nodes) != 1 {
		return page
	}
	body.AppendChild(nodes[0])
	return render(root, page)
}
