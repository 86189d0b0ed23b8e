package extract

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/refeed/refeed/extract/evaluate"
	"github.com/refeed/refeed/internal/testcorpus"
)

// sharedCorpus returns the folder sub of the shared corpus, found as
// ../shared/corpus beside the repository root, or skips the test.
func sharedCorpus(t testing.TB, sub string) string {
	t.Helper()
	return testcorpus.Dir(t, sub)
}

// readMaybeGzip reads a corpus file, gunzipping it when its name ends
// in .gz.
func readMaybeGzip(t testing.TB, path string) []byte {
	t.Helper()
	return testcorpus.ReadFile(t, path)
}

// extractText runs Extract and returns the article text, or "" on error.
func extractText(t testing.TB, page []byte, pageURL string) string {
	t.Helper()
	u, err := url.Parse(pageURL)
	if err != nil {
		t.Fatal(err)
	}
	a, err := Extract(strings.NewReader(string(page)), u, nil)
	if err != nil {
		t.Logf("%s: %v", pageURL, err)
		return ""
	}
	return a.Text
}

// pageScore is one row of a corpus table.
type pageScore struct {
	name   string
	counts evaluate.Counts
}

// logTable prints one line per page, worst first, and the aggregate.
func logTable(t *testing.T, rows []pageScore) (precision, recall, f1 float64) {
	t.Helper()
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].counts.F1() < rows[j].counts.F1() })
	var b strings.Builder
	all := make([]evaluate.Counts, len(rows))
	for i, r := range rows {
		all[i] = r.counts
		fmt.Fprintf(&b, "%-40.40s P=%.3f R=%.3f F1=%.3f\n", r.name, r.counts.Precision(), r.counts.Recall(), r.counts.F1())
	}
	precision, recall, f1 = evaluate.Aggregate(all)
	fmt.Fprintf(&b, "%d pages: precision=%.4f recall=%.4f F1=%.4f", len(rows), precision, recall, f1)
	t.Log("\n" + b.String())
	return precision, recall, f1
}

// bridgeStory is the paragraphs of a short local news story that many
// fixtures put among chrome: long enough for prose, no links, no chrome
// words.
var bridgeStory = []string{
	"The council voted on Tuesday to close the old bridge to traffic from next spring, after engineers found that its steel frame had rusted faster than expected.",
	"Residents who cross the river every day will have to use the ferry or drive twenty minutes around through the northern suburbs, a trip many say they cannot afford.",
	"The mayor said the city had no choice, and promised that a new bridge would be designed within two years, with work to start as soon as the money is found.",
	"Shop owners on both banks fear that they will lose customers, and some have asked the council to run a free bus across the dam while the bridge is closed.",
}

// bridgeStoryAr is the first three paragraphs of bridgeStory in Arabic.
var bridgeStoryAr = []string{
	"قرر مجلس المحافظة يوم الثلاثاء إغلاق الجسر القديم أمام حركة السيارات اعتباراً من الربيع المقبل، بعد أن وجد المهندسون أن هيكله الحديدي قد تآكل أسرع مما كان متوقعاً.",
	"وسيضطر السكان الذين يعبرون النهر كل يوم إلى استخدام العبارة أو القيادة عشرين دقيقة عبر الضواحي الشمالية، وهي رحلة يقول كثيرون إنهم لا يقدرون على كلفتها.",
	"وقال المحافظ إن المدينة لم يكن لديها خيار آخر، ووعد بتصميم جسر جديد خلال عامين، على أن يبدأ العمل فور توفر الأموال اللازمة لذلك.",
}

// bridgeComments are readers' comments on bridgeStory, each about as long
// as two of its paragraphs: a thread of them outweighs the story.
var bridgeComments = []string{
	"I have crossed that bridge every morning for thirty years and never once thought it was unsafe, so I would like to see the engineers' report before I believe a word of this, because the council has cried wolf before about the library and the pool.",
	"The ferry already runs full at eight in the morning, and nobody at the council seems to have asked how it will carry another two thousand people a day, or what those of us who work early shifts are supposed to do while we wait for the new bridge.",
	"Twenty minutes around through the suburbs is optimistic, since the ring road is jammed from seven to nine every day, and the detour will add an hour to every delivery my firm makes to the shops on the other bank of the river, which we will have to pass on.",
	"We were promised a new bridge in the last election and the one before that, and the money was never found, so forgive me if I do not hold my breath this time either; the old one will be closed for a decade while they argue about the design.",
	"My grandfather helped to build that bridge after the war, and it is a shame to see it left to rust, when a little paint every few years would have saved it, and the city could have spent far less on it than it will now spend on a new one.",
}

// bridgeCommentsAr are readers' comments on bridgeStoryAr.
var bridgeCommentsAr = []string{
	"أعبر هذا الجسر كل صباح منذ ثلاثين عاماً ولم أشعر يوماً بأنه غير آمن، لذلك أريد أن أرى تقرير المهندسين قبل أن أصدق كلمة من هذا، فالمجلس أطلق إنذارات كاذبة من قبل عن المكتبة والمسبح.",
	"العبارة ممتلئة أصلاً في الثامنة صباحاً، ولم يسأل أحد في المجلس كيف ستنقل ألفي شخص إضافيين كل يوم، أو ماذا يفعل الذين يعملون في الورديات المبكرة وهم ينتظرون الجسر الجديد.",
	"عشرون دقيقة عبر الضواحي تقدير متفائل، فالطريق الدائري مزدحم من السابعة حتى التاسعة كل يوم، وستضيف الطريق البديلة ساعة إلى كل شحنة توصلها شركتي إلى المحلات على الضفة الأخرى.",
	"وعدونا بجسر جديد في الانتخابات الماضية والتي قبلها، ولم تُوجد الأموال أبداً، فاعذروني إن لم أصدق هذه المرة أيضاً؛ سيبقى الجسر القديم مغلقاً عشر سنوات وهم يتجادلون حول التصميم.",
	"ساعد جدي في بناء هذا الجسر بعد الحرب، ومن المؤسف أن نراه يصدأ، فقليل من الطلاء كل بضع سنوات كان سيحميه، وكانت المدينة ستنفق عليه أقل بكثير مما ستنفقه الآن على جسر جديد.",
}

// relatedList is a list of links to other stories, as pages put under a
// story: chrome that fixtures place after the story's block.
const relatedList = `<div><ul><li><a href="/articles/x">Five ways to save energy this winter</a></li>` +
	`<li><a href="/articles/x">What a smart meter can tell you</a></li>` +
	`<li><a href="/articles/x">Why the grid needs batteries</a></li></ul></div>`

// checkStory reports each paragraph of story missing from got, the text
// extracted, and each text of gone found in it.
func checkStory(t *testing.T, got string, story, gone []string) {
	t.Helper()
	for i, p := range story {
		if !strings.Contains(got, p) {
			t.Errorf("story paragraph %d missing from:\n%s", i, got)
		}
	}
	for _, g := range gone {
		if strings.Contains(got, g) {
			t.Errorf("%q kept in:\n%s", g, got)
		}
	}
}

// paragraphsHTML returns each text as a <p>, one after the other.
func paragraphsHTML(texts []string) string {
	var b strings.Builder
	for _, t := range texts {
		b.WriteString("<p>" + t + "</p>")
	}
	return b.String()
}

// repliedComments writes each comment as a reader's box with no class
// names, as threads known only by their reply links have them: the
// reader's name as a link and a date ("reader0 1 March 2021, 8:00"), the
// comment in an element of tag, and a link saying reply under it.
func repliedComments(comments []string, tag, reply string) string {
	return commentBoxes(comments, func(i int) string {
		return fmt.Sprintf(`<a href="/user/%d">reader%d</a> <span>%d March 2021, 8:%02d</span>`, i, i, i+1, i)
	}, tag, reply)
}

// commentBoxes writes each comment as a reader's box with no class
// names: a header that signature(i) writes, the comment in an element of
// tag, and a link saying reply under it unless reply is "".
func commentBoxes(comments []string, signature func(i int) string, tag, reply string) string {
	var b strings.Builder
	for i, c := range comments {
		fmt.Fprintf(&b, `<div><div>%s</div><%s>%s</%s>`, signature(i), tag, c, tag)
		if reply != "" {
			fmt.Fprintf(&b, `<div><a href="#reply-%d">%s</a></div>`, i, reply)
		}
		b.WriteString(`</div>`)
	}
	return b.String()
}

// openings returns the first eight words of each text: what a test looks
// for to tell that the text was kept.
func openings(texts []string) []string {
	out := make([]string, len(texts))
	for i, t := range texts {
		words := strings.Fields(t)
		out[i] = strings.Join(words[:min(8, len(words))], " ")
	}
	return out
}
