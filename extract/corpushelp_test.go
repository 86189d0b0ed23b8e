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
	var b strings.Builder
	for i, c := range comments {
		fmt.Fprintf(&b, `<div><div><a href="/user/%d">reader%d</a> <span>%d March 2021, 8:%02d</span></div><%s>%s</%s><div><a href="#reply-%d">%s</a></div></div>`,
			i, i, i+1, i, tag, c, tag, i, reply)
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
