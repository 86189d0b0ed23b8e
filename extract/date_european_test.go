package extract

import (
	"net/url"
	"strings"
	"testing"
)

// europeanDateCase is one page for TestEuropeanDates: its URL, what goes
// in its head and body, and the day expected ("" for no date).
type europeanDateCase struct {
	name, url, head, body, want string
}

// TestEuropeanDates checks publication dates written the way German and
// other European news sites and blogs write them, on pages of our own.
// Each mechanism named in a comment has a case that fails without it; the
// other cases guard against reading too much.
func TestEuropeanDates(t *testing.T) {
	tests := []europeanDateCase{
		// A dated update line ("Aktualisiert am 08.12.2016") is not a label:
		// the creation date printed after it is the publication.
		{"dated update line labels nothing after it",
			"https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><div class="info">Aktualisiert am 08.12.2016, 10:00 Uhr</div><div>Erstellt am 06.12.2016</div><p>Text text text.</p></main>`,
			"2016-12-06"},
		// A bare update label still marks the date printed next.
		{"undated update label marks the next date",
			"https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><div class="info"><span>Aktualisiert:</span> <span>08.12.2016</span></div><div>Erstellt am 06.12.2016</div><p>Text text text.</p></main>`,
			"2016-12-06"},
		// A date anywhere in the URL, not only as a dated path (dateInURL).
		{"date in the slug",
			"https://news.example.de/politik/mein-garten-2016-12-06.html", "",
			`<h1>Mein Garten im Winter</h1><p>Text.</p>`,
			"2016-12-06"},
		{"eight digits in the slug",
			"https://news.example.de/politik/mein-garten-20161206.html", "",
			`<h1>Mein Garten im Winter</h1><p>Text.</p>`,
			"2016-12-06"},
		{"date in the query",
			"https://news.example.de/artikel.php?id=12&date=2016-12-06", "",
			`<h1>Mein Garten im Winter</h1><p>Text.</p>`,
			"2016-12-06"},
		{"a longer number is an id, not a date",
			"https://news.example.de/politik/mein-garten-2016120612.html", "",
			`<h1>Mein Garten im Winter</h1><p>Text.</p>`,
			""},
		{"a year and month are no day",
			"https://news.example.de/2016-12/mein-garten-bericht-2016-12", "",
			`<h1>Mein Garten im Winter</h1><p>Text.</p>`,
			""},
		{"an impossible day is no date",
			"https://news.example.de/politik/mein-garten-2016-02-30.html", "",
			`<h1>Mein Garten im Winter</h1><p>Text.</p>`,
			""},
		{"the date shown with the headline beats the slug's",
			"https://news.example.de/kultur/konzert-am-2016-12-24.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">Veröffentlicht am 6. Dezember 2016</p><p>Text text text.</p></main>`,
			"2016-12-06"},
		// Dates kept in attributes of body markup (addElement): the
		// microformat abbr whose text is only the hour, microdata on an
		// abbr, and RDFa on a span.
		{"microformat abbr.published with its date in the title",
			"https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<div id="header"><h1 class="title">Annas Gartenblog</h1></div><div class="post"><h3 class="post-title">Mein Garten im Winter</h3><div class="post-body"><p>Text text text.</p></div><div class="post-footer">Eingestellt von Anna um <abbr class="published" title="2016-12-06T10:00:00+01:00">10:00</abbr></div></div>`,
			"2016-12-06"},
		{"microformat abbr.updated is not the publication",
			"https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<div class="post"><h1>Mein Garten im Winter</h1><p>Text text text.</p><div class="post-footer">Geändert um <abbr class="updated" title="2016-12-06T10:00:00+01:00">10:00</abbr></div></div>`,
			""},
		{"itemprop datePublished on an abbr",
			"https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p>Text text text.</p><abbr itemprop="datePublished" title="2016-12-06">vor 3 Tagen</abbr></main>`,
			"2016-12-06"},
		{"RDFa dc:created on a span",
			"https://verein.example.de/node/123", "",
			`<div class="node"><h1>Mein Garten im Winter</h1><span property="dc:date dc:created" content="2016-12-06T10:00:00+01:00" datatype="xsd:dateTime">Dienstag</span><p>Text text text.</p></div>`,
			"2016-12-06"},
		// A byline longer than a date line whose date is a field of its
		// own, between separators (readDateLine, fieldAround).
		{"date as one field of a long byline",
			"https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><div class="byline">Von Anna Muster, Redakteurin für Politik und Gesellschaft | 06.12.2016 | Lesezeit: 5 Minuten</div><p>Text text text.</p></main>`,
			"2016-12-06"},
		{"a sentence that mentions a date is no date line",
			"https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><div class="teaser">Bis zum 06.12.2016 konnten Gärtner ihre Beete im Stadtpark noch anmelden, sagt Anna.</div><p>Text text text.</p></main>`,
			""},
		{"a field that is a sentence is no date line",
			"https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><div class="teaser">Politik | Bis zum 06.12.2016 konnten Gärtner ihre Beete im Stadtpark noch anmelden, sagt Anna</div><p>Text text text.</p></main>`,
			""},
		// The headline in a later h1, or in an h2 or h3 under a site
		// name's h1 (findHeadline): the dates printed between the site
		// name and the headline are not the article's.
		{"site name in the h1, headline in an h2",
			"https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<h1>Annas Gartenblog</h1><div class="top">Heute: Freitag, 9. Dezember 2016</div><div class="post"><h2>Mein Garten im Winter</h2><div class="meta">Dienstag, 6. Dezember 2016</div><p>Text text text.</p></div>`,
			"2016-12-06"},
		{"site name in the first h1, headline in the second",
			"https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<h1 class="logo">Annas Gartenblog</h1><div class="top">Heute: Freitag, 9. Dezember 2016</div><article><h1>Mein Garten im Winter</h1><div class="meta">Dienstag, 6. Dezember 2016</div><p>Text text text.</p></article>`,
			"2016-12-06"},
		{"a related story's heading that shares words is not the headline",
			"https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<h1>Annas Gartenblog</h1><aside><h3>Winter im Garten: zehn Tipps</h3><span>1. Dezember 2016</span></aside><div class="post"><h2>Mein Garten im Winter</h2><div class="meta">Dienstag, 6. Dezember 2016</div><p>Text text text.</p></div>`,
			"2016-12-06"},
		// A reader's comment dates the comment, not the article
		// (inComments): a page whose only dates are its comments' has
		// none.
		{"dates in the comments only",
			"https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<main><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `</main><section id="kommentare"><h3>3 Kommentare</h3><ol><li><div class="meta">Max schrieb am 7. Dezember 2016</div><p>Schön!</p></li></ol></section>`,
			""},
		{"a date after the comments' is still read",
			"https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<main><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `</main><div class="comment-list"><div>Max schrieb am 7. Dezember 2016</div></div><footer class="entry-footer"><span>6. Dezember 2016</span></footer>`,
			"2016-12-06"},
		// A page that gives only when it was modified is dated by it when
		// its URL names that year and month (urlMonth).
		{"modified date in the month the URL names",
			"https://www.example.de/blog/garten/2016/12/mein-garten-im-winter", `<meta name="last-modified" content="2016-12-06T10:00:00+01:00">`,
			`<main><h1>Mein Garten im Winter</h1><p>Text text text.</p></main>`,
			"2016-12-06"},
		{"modified date without a dated URL",
			"https://www.example.de/blog/garten/mein-garten-im-winter", `<meta name="last-modified" content="2016-12-06T10:00:00+01:00">`,
			`<main><h1>Mein Garten im Winter</h1><p>Text text text.</p></main>`,
			""},
		{"modified date in another month than the URL's",
			"https://www.example.de/blog/2016/11/mein-garten-im-winter", `<meta name="last-modified" content="2016-12-06T10:00:00+01:00">`,
			`<main><h1>Mein Garten im Winter</h1><p>Text text text.</p></main>`,
			""},
		// A date with a two-digit year (locateShortDate), nearly alone or
		// before a time of day.
		{"short date alone",
			"https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><div class="datum">06.12.16</div><p>Text text text.</p></main>`,
			"2016-12-06"},
		{"short date with a label and a time",
			"https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">Stand: 06.12.16 14:30 Uhr</p><p>Text text text.</p></main>`,
			"2016-12-06"},
		{"a version number in a line is no short date",
			"https://news.example.de/technik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">Getestet mit der Firmware 10.12.16 auf allen Geräten</p><p>Text text text.</p></main>`,
			""},
		{"a short date needs two-digit day and month",
			"https://news.example.de/technik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">Version 1.2.16</p><p>Text text text.</p></main>`,
			""},
		// A date printed as a badge of separate elements, the year last
		// (dateText).
		{"date badge after the headline",
			"https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<div class="post"><h1>Mein Garten im Winter</h1><div class="date"><span class="day">06</span><span class="month">Dez</span><span class="year">2016</span></div><p>Text text text.</p></div>`,
			"2016-12-06"},
		{"date badge far after the headline",
			"https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<div class="post"><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `<div class="postinfo"><span>6.</span> <span>Dezember</span> <span>2016</span></div></div>`,
			"2016-12-06"},
		// A headline in an element named for it, on a page without one in
		// a heading (findHeadline, namesTitle): today's date in the site
		// header above it is not the article's.
		{"headline in a div named headline",
			"https://news.example.de/politik/artikel-123.html", "",
			`<div class="top">Freitag, 9. Dezember 2016</div><div class="article"><div class="headline">Mein Garten im Winter</div><p class="meta">6. Dezember 2016</p><p>Text text text.</p></div>`,
			"2016-12-06"},
		{"a title-named box that does not repeat the title is no headline",
			"https://news.example.de/politik/artikel-123.html", "",
			`<div class="widget"><div class="widget-title">Winter im Garten: zehn Tipps</div><span>1. Dezember 2016</span></div><div class="article"><div class="headline">Mein Garten im Winter</div><p class="meta">6. Dezember 2016</p><p>Text text text.</p></div>`,
			"2016-12-06"},
		// A meta name that speaks of the publication or creation
		// (publishLike).
		{"meta name with created",
			"https://news.example.de/politik/artikel-123.html", `<meta name="dc.creator" content="Anna Muster"><meta name="article.created" content="06.12.2016 10:00">`,
			`<h1>Mein Garten im Winter</h1><p>Text.</p>`,
			"2016-12-06"},
		{"meta name with publication",
			"https://news.example.de/politik/artikel-123.html", `<meta name="dc.date.publication" content="2016-12-06T10:00:00+01:00">`,
			`<h1>Mein Garten im Winter</h1><p>Text.</p>`,
			"2016-12-06"},
		// A datePublished field in a data layer script (scriptDate), when
		// the page shows no date.
		{"datePublished in a data layer",
			"https://news.example.de/politik/artikel-123.html", `<script>window.dataLayer=[{'pageType':'artikel','publishDate':'2016-12-06T10:00:00+01:00'}];</script>`,
			`<main><h1>Mein Garten im Winter</h1><p>Text text text.</p></main>`,
			"2016-12-06"},
		{"the date shown beats the data layer's",
			"https://news.example.de/politik/artikel-123.html", `<script>var page={"datePublished":"2016-11-30"};</script>`,
			`<main><h1>Mein Garten im Winter</h1><p class="meta">6. Dezember 2016</p><p>Text text text.</p></main>`,
			"2016-12-06"},
		// An update line that also gives the first publication
		// (readDateLine).
		{"update date first, publication after it in the same line",
			"https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">Zuletzt aktualisiert: 08.12.2016 | Erstveröffentlichung: 06.12.2016</p><p>Text text text.</p></main>`,
			"2016-12-06"},
		{"a line of two updates: the first dates the page as a last resort",
			"https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">Aktualisiert: 08.12.2016, zuvor aktualisiert am 07.12.2016</p><p>Text text text.</p></main>`,
			"2016-12-08"},
		// A photo caption's date, an aside's and the dates of navigation
		// links are not the article's (under).
		{"a caption's date before the byline's",
			"https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><figure><img src="a.jpg"><figcaption>Archivbild vom 3. Mai 2012</figcaption></figure><p class="meta">6. Dezember 2016</p><p>Text text text.</p></main>`,
			"2016-12-06"},
		{"a caption's date alone",
			"https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><figure><img src="a.jpg"><figcaption>Archivbild vom 3. Mai 2012</figcaption></figure><p>Text text text.</p></main>`,
			""},
		{"a related story's date in an aside after the headline",
			"https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><aside class="mehr"><ul><li><a href="/x">Frost im Beet</a> <span>05.12.2016</span></li></ul></aside><p class="meta">06.12.2016</p><p>Text text text.</p></main>`,
			"2016-12-06"},
		{"the previous post's date in the post navigation",
			"https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<main><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `<nav class="post-navigation"><a href="/herbstlaub">« Herbstlaub richtig nutzen – 28. November 2016</a></nav></main>`,
			""},
		// A month name in capitals with a letter outside ASCII
		// (upperNonASCII).
		{"month in capitals with an umlaut",
			"https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">6. MÄRZ 2016</p><p>Text text text.</p></main>`,
			"2016-03-06"},
		// Month names of Polish, Czech, Russian and Swedish dates
		// (textkit.EuropeanMonths).
		{"polish date",
			"https://wiadomosci.example.pl/artykul-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">Opublikowano: 6 grudnia 2016, 14:30</p><p>Tekst.</p></main>`,
			"2016-12-06"},
		{"czech date",
			"https://zpravy.example.cz/clanek-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">Publikováno 6. prosince 2016</p><p>Text.</p></main>`,
			"2016-12-06"},
		{"russian date",
			"https://novosti.example.ru/statya-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">Опубликовано 6 декабря 2016 г.</p><p>Текст.</p></main>`,
			"2016-12-06"},
		{"swedish date",
			"https://nyheter.example.se/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">Publicerad 6 maj 2016</p><p>Text.</p></main>`,
			"2016-05-06"},
	}
	runEuropeanDates(t, tests)
}

// gardenProse is an article body long enough that the headline block
// ends before it does.
var gardenProse = []string{
	strings.Repeat("Im Winter ruht der Garten, doch wer jetzt plant, erntet im Sommer mehr. ", 5),
	strings.Repeat("Beete werden mit Laub bedeckt, Kübelpflanzen ziehen in den Keller um. ", 5),
}

func runEuropeanDates(t *testing.T, tests []europeanDateCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := url.Parse(tt.url)
			if err != nil {
				t.Fatal(err)
			}
			page := "<!doctype html><html><head><title>Mein Garten im Winter | Blog</title>" + tt.head + "</head><body>" + tt.body + "</body></html>"
			if got := publishedDay(t, page, u); got != tt.want {
				t.Errorf("Published = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestMayHoldDate holds the one-pass prefilter to its two-pass
// definition, and to the short dates readDateLine reads.
func TestMayHoldDate(t *testing.T) {
	for _, s := range []string{
		"", "2016", "201", "Stand: 06.12.16 14:30 Uhr", "06.12.16", "6.12.16", "06.12.1", "1.2.16",
		"٢٠٢٠", "٢٠٢", "am ٠٦.١٢.١٦", "x06.12.16y", "v10.12.16.", "12345", "06.12.16.", "06-12-16",
		"Veröffentlicht am 6. Dezember 2016", "06.1", "0", "ab12.34.56",
	} {
		want := hasYearDigits(s) || hasShortDate(s)
		if got := mayHoldDate(s); got != want {
			t.Errorf("mayHoldDate(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestDatesInOtherScripts checks dates as Chinese, Japanese, Korean,
// Turkish, Greek, Ukrainian, Romanian and Finnish pages print them under
// the headline.
func TestDatesInOtherScripts(t *testing.T) {
	var tests []europeanDateCase
	for _, c := range []struct{ name, line, want string }{
		{"chinese", "2016年12月06日 14:30 来源：新华社", "2016-12-06"},
		{"japanese", "2016年12月6日 午後2時30分", "2016-12-06"},
		{"korean", "입력 2016년 12월 6일 14:30", "2016-12-06"},
		{"korean dots", "기사입력 2016. 12. 6. 오후 2:30", "2016-12-06"},
		{"turkish", "6 Aralık 2016 Salı, 14:30", "2016-12-06"},
		{"greek", "6 Δεκεμβρίου 2016, 14:30", "2016-12-06"},
		{"ukrainian", "6 грудня 2016, 14:30", "2016-12-06"},
		{"romanian", "6 decembrie 2016, 14:30", "2016-12-06"},
		{"finnish", "6. joulukuuta 2016 klo 14.30", "2016-12-06"},
		{"a version number is no date", "Version 2016. 12 Build", ""},
	} {
		tests = append(tests, europeanDateCase{c.name, "https://news.example.com/story/123", "",
			`<main><h1>Mein Garten im Winter</h1><div>` + c.line + `</div>` + paragraphsHTML(gardenProse) + `</main>`, c.want})
	}
	runEuropeanDates(t, tests)
}
