package extract

import (
	"strings"
	"testing"
)

// TestPublicationShapes checks page shapes that carry the publication
// date in ways the other date tests do not cover: meta names, values and
// markup that dating tools in the field read. Each mechanism named in a
// comment has a case that fails without it; the other cases guard
// against reading too much.
func TestPublicationShapes(t *testing.T) {
	body := `<main><h1>Mein Garten im Winter</h1><p>Text text text.</p></main>`
	tests := []europeanDateCase{
		// Meta names that say publication without the words publishLike
		// looks for (publishedKeys), with values written as digits alone
		// (parseCompact).
		{"meta dateposted", "https://news.example.de/politik/artikel-123.html",
			`<meta name="dateposted" content="2016-12-06">`, body, "2016-12-06"},
		{"meta displaydate", "https://news.example.de/politik/artikel-123.html",
			`<meta name="displaydate" content="06.12.2016 10:00">`, body, "2016-12-06"},
		{"meta article:post_date", "https://news.example.de/politik/artikel-123.html",
			`<meta property="article:post_date" content="2016-12-06T10:00:00+01:00">`, body, "2016-12-06"},
		{"meta pdate in eight digits", "https://news.example.de/politik/artikel-123.html",
			`<meta name="pdate" content="20161206">`, body, "2016-12-06"},
		{"meta ptime in fourteen digits", "https://news.example.de/politik/artikel-123.html",
			`<meta name="ptime" content="20161206100000">`, body, "2016-12-06"},
		{"meta date in eight digits", "https://news.example.de/politik/artikel-123.html",
			`<meta name="date" content="20161206">`, body, "2016-12-06"},
		// A meta that gives its date in datetime, or marks it pubdate
		// (collectMeta).
		{"meta itemprop datePublished with datetime", "https://news.example.de/politik/artikel-123.html",
			`<meta itemprop="datePublished" datetime="2016-12-06T10:00:00+01:00">`, body, "2016-12-06"},
		{"meta marked pubdate", "https://news.example.de/politik/artikel-123.html",
			`<meta pubdate="pubdate" content="2016-12-06T10:00:00+01:00">`, body, "2016-12-06"},
		{"eight digits that are no date", "https://news.example.de/politik/artikel-123.html",
			`<meta name="date" content="20161306">`, body, ""},
		{"a generation time is not the publication", "https://news.example.de/politik/artikel-123.html",
			`<meta name="gentime" content="2016-12-06 10:00:00">`, body, ""},
		// JSON-LD past repair still gives its datePublished
		// (brokenLDDate).
		{"datePublished in JSON-LD that does not parse", "https://news.example.de/politik/artikel-123.html",
			`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Mein "Garten" im Winter","datePublished":"2016-12-06T10:00:00+01:00"}</script>`, body, "2016-12-06"},
		{"dateModified alone in JSON-LD that does not parse", "https://news.example.de/politik/artikel-123.html",
			`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Mein "Garten" im Winter","dateModified":"2016-12-06T10:00:00+01:00"}</script>`, body, ""},
		{"JSON-LD that parses wins over a broken script", "https://news.example.de/politik/artikel-123.html",
			`<script type="application/ld+json">{"@type":"WebPage","name":"x "y"","datePublished":"2016-11-30"}</script><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2016-12-06T10:00:00+01:00"}</script>`, body, "2016-12-06"},
		// A date element right before the headline but outside its
		// nearest ancestors (dateRightBefore): a blog's day header over
		// its posts, a date box above a deeply nested headline.
		{"day header over a blog's posts", "https://annasgarten.example.de/2016/mein-garten-im-winter.html", "",
			`<h1>Annas Gartenblog</h1><div class="date-outer"><h2 class="date-header"><span>Dienstag, 6. Dezember 2016</span></h2><div class="date-posts"><div class="post-outer"><div class="post"><h3 class="post-title">Mein Garten im Winter</h3><div class="post-body">` + paragraphsHTML(gardenProse) + `</div></div></div></div></div>`,
			"2016-12-06"},
		{"date box above a deeply nested headline", "https://news.example.de/politik/artikel-123.html", "",
			`<div class="wrap"><div class="datum">06.12.2016</div><div><div><div><div><h1>Mein Garten im Winter</h1></div></div></div></div>` + paragraphsHTML(gardenProse) + `</div>`,
			"2016-12-06"},
		{"today's date in the site header right before the headline", "https://news.example.de/politik/artikel-123.html", "",
			`<header><span class="date">Freitag, 9. Dezember 2016</span></header><div><div><div><div><h1>Mein Garten im Winter</h1></div></div></div></div>` + paragraphsHTML(gardenProse),
			""},
		{"a recent posts list right before the headline", "https://news.example.de/politik/artikel-123.html", "",
			`<div class="sidebar"><ul><li><a href="/frost">Frost im Beet</a> <span class="post-date">05.12.2016</span></li></ul></div><div><div><div><div><h1>Mein Garten im Winter</h1></div></div></div></div>` + paragraphsHTML(gardenProse),
			""},
		{"a date element far before the headline", "https://news.example.de/politik/artikel-123.html", "",
			`<div class="top"><span class="date">Freitag, 9. Dezember 2016</span></div><div class="menu">` + strings.Repeat(`<a href="/x">Politik und Wirtschaft</a> `, 10) + `</div><div><div><div><div><h1>Mein Garten im Winter</h1></div></div></div></div>` + paragraphsHTML(gardenProse),
			""},
		// A path that files the page under its day comes first
		// (dateFromURL in pickDates): metadata may have been rewritten
		// by a later import.
		{"dated path over later metadata", "https://annasgarten.example.de/2016/12/06/mein-garten-im-winter/",
			`<meta property="article:published_time" content="2018-03-01T10:00:00+01:00">`, body, "2016-12-06"},
		{"dated path segment over later JSON-LD", "https://annasgarten.example.de/blog/2016-12-06-mein-garten-im-winter",
			`<script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2018-03-01T10:00:00+01:00"}</script>`, body, "2016-12-06"},
		{"a date inside a slug does not overrule metadata", "https://news.example.de/kultur/konzert-am-2016-12-24.html",
			`<meta property="article:published_time" content="2016-12-06T10:00:00+01:00">`, body, "2016-12-06"},
		{"a year and month path does not overrule metadata", "https://annasgarten.example.de/2016/11/mein-garten-im-winter/",
			`<meta property="article:published_time" content="2016-12-06T10:00:00+01:00">`, body, "2016-12-06"},
		// A <time class="entry-date"> is the post's date wherever it is
		// printed (entryDate), unless it is in a list of other posts.
		{"entry-date time above the headline's box", "https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<div class="entry-meta"><time class="entry-date" datetime="2016-12-06T10:00:00+01:00">6. Dezember</time></div><div class="x"><div><div><div><h1>Mein Garten im Winter</h1></div></div></div><p class="hinweis">Termin: 24.12.2016</p>` + paragraphsHTML(gardenProse) + `</div>`,
			"2016-12-06"},
		{"entry-date times of a list of other posts", "https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<ul class="recent"><li><a href="/frost">Frost im Beet</a><time class="entry-date" datetime="2016-12-05T10:00:00+01:00">5. Dezember</time></li></ul><div class="x"><div><div><div><h1>Mein Garten im Winter</h1></div></div></div><p class="meta">06.12.2016</p>` + paragraphsHTML(gardenProse) + `</div>`,
			"2016-12-06"},
		// A date element that shows a relative time and keeps its day in
		// an attribute (attrDate).
		{"date element with data-date", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><span class="date" data-date="2016-12-06 10:00:00">vor 3 Jahren</span>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-12-06"},
		{"date element with Unix seconds", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><abbr class="timestamp" data-utime="1481014800">Dienstag</abbr>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-12-06"},
		{"date element with its day in the title", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><span class="post-date" title="06.12.2016 10:00">vor 3 Jahren</span>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-12-06"},
		{"an update element's data-date", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><span class="date-updated" data-date="2016-12-08 10:00:00">vor 1 Jahr</span>` + paragraphsHTML(gardenProse) + `</main>`,
			""},
		{"a title that is a sentence", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><span class="date" title="Alle Artikel, die am 06.12.2016 erschienen sind">vor 3 Jahren</span>` + paragraphsHTML(gardenProse) + `</main>`,
			""},
		// A numeric date with a space after its dots (numericDate).
		{"numeric date spaced after the dots", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">Erstellt am 6. 12. 2016</p>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-12-06"},
		{"a ranking with spaced numbers is no date", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">Platz 6. 12 2016er Weine</p>` + paragraphsHTML(gardenProse) + `</main>`,
			""},
		// German month spellings without the umlaut and the short forms
		// (textkit.EuropeanMonths).
		{"Maerz", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">6. Maerz 2016</p>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-03-06"},
		{"Mrz.", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">06. Mrz. 2016, 10:00</p>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-03-06"},
		{"Jän.", "https://news.example.at/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">6. Jän. 2016</p>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-01-06"},
		// Elements named for a byline, an author, the post's meta or
		// info line or its creation are date elements too
		// (isDateElement), as dating tools read them.
		{"entry meta far above the headline", "https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<article><p class="entry-meta">Dienstag, 6. Dezember 2016</p><div class="crumbs">` + strings.Repeat(`<a href="/x">Garten und Pflanzen</a> › `, 10) + `</div><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `</article>`,
			"2016-12-06"},
		{"Joomla's created line far above the headline", "https://verein.example.de/index.php/garten/123-mein-garten", "",
			`<div class="item-page"><dl class="article-info"><dd class="create">Erstellt: Dienstag, 06. Dezember 2016 10:00</dd><dd class="hits">Zugriffe: 1234</dd></dl><div class="crumbs">` + strings.Repeat(`<a href="/x">Garten und Pflanzen</a> › `, 10) + `</div><h2>Mein Garten im Winter</h2>` + paragraphsHTML(gardenProse) + `</div>`,
			"2016-12-06"},
		{"an author box far above the headline", "https://news.example.de/politik/artikel-123.html", "",
			`<article><div class="author-box">Anna Muster, 06.12.2016</div><div class="crumbs">` + strings.Repeat(`<a href="/x">Garten und Pflanzen</a> › `, 10) + `</div><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `</article>`,
			"2016-12-06"},
		{"Drupal's submitted line far above the headline", "https://verein.example.de/node/123", "",
			`<div class="node"><div class="submitted">Eingereicht von Anna am Di, 06.12.2016 - 10:00</div><div class="crumbs">` + strings.Repeat(`<a href="/x">Garten und Pflanzen</a> › `, 10) + `</div><h2>Mein Garten im Winter</h2>` + paragraphsHTML(gardenProse) + `</div>`,
			"2016-12-06"},
		// Update notices in more words (textkit.UpdateWords): the
		// publication printed after them is the date.
		{"Letzte Aktualisierung before the publication", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">Letzte Aktualisierung: 08.12.2016</p><p class="meta">Erstellt am 06.12.2016</p>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-12-06"},
		{"Update before the publication", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">Update: 08.12.2016, 10:00 Uhr</p><p class="meta">06.12.2016, 08:00 Uhr</p>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-12-06"},
		{"mise à jour before the publication", "https://actu.example.fr/politique/article-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">Mise à jour le 8 décembre 2016</p><p class="meta">Publié le 6 décembre 2016</p>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-12-06"},
		{"a page that shows only its last change", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">Zuletzt geändert am 08.12.2016</p>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-12-08"},
		// The dates of a list of other stories after the article are
		// theirs (inStoryList); a post's own meta list keeps its date.
		{"a list of other stories after the article", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `<div class="mehr"><h3>Mehr zum Thema</h3><ul><li><a href="/frost">Frost im Beet</a> 05.12.2016</li><li><a href="/laub">Laub im Herbst</a> 28.11.2016</li></ul></div></main>`,
			""},
		{"a run of dated teasers after the article", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `</main><div class="news-list"><div class="news-list-item"><span class="news-list-date">05.12.2016</span><h3><a href="/frost">Frost im Beet</a></h3></div><div class="news-list-item"><span class="news-list-date">28.11.2016</span><h3><a href="/laub">Laub im Herbst</a></h3></div></div>`,
			""},
		{"a post among other posts is no teaser", "https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<div class="posts"><div class="post"><h2>Mein Garten im Winter</h2>` + paragraphsHTML(gardenProse) + `<p><a href="/mein-garten">Weiterlesen</a></p><p>06.12.2016</p></div><div class="post"><h2>Frost im Beet</h2>` + paragraphsHTML(gardenProse) + `<p><a href="/frost">Weiterlesen</a></p><p>05.12.2016</p></div></div>`,
			"2016-12-06"},
		{"the post's own meta list at its end", "https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<main><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `<ul class="post-meta"><li>Von <a href="/autor/anna">Anna Muster</a></li><li>06.12.2016</li><li><a href="/kategorie/garten">Garten</a></li></ul><ul class="mehr"><li><a href="/frost">Frost im Beet</a> 05.12.2016</li><li><a href="/laub">Laub im Herbst</a> 28.11.2016</li></ul></main>`,
			"2016-12-06"},
		{"dated permalinks are no list of other stories", "https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<main><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `<ul class="post-meta"><li><a href="/2016/12/06/mein-garten">06.12.2016</a></li><li><a href="/2016/12/06/mein-garten#c">06.12.2016, 10:00</a></li></ul></main>`,
			"2016-12-06"},
		// A comment that no class names, known by its header: the
		// reader's name, a speech verb and a stamp (inCommentByHeader).
		{"a comment known by its header", "https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<main><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `<h3>3 Antworten</h3><ol><li><div><b>Max</b> sagt:</div><div>7. Dezember 2016 um 10:00</div><p>Schön geschrieben!</p></li></ol></main>`,
			""},
		{"the post's own footer line is no comment", "https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<main><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `<div class="post-footer"><p>Geschrieben von Anna am 06.12.2016</p><p>Kategorie: Garten</p></div></main>`,
			"2016-12-06"},
		// The site's footer dates the site, not the article
		// (inPageFooter); an article's own footer dates the article.
		{"a date in the site's footer", "https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<main><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `</main><footer><p>© Annas Blog · Impressum · Stand 01.01.2017</p></footer>`,
			""},
		{"a date in a div named footer", "https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<div id="content"><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `</div><div id="footer">Letzter Stand der Seite: 01.01.2017</div>`,
			""},
		{"a date in the article's footer", "https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<article><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `<footer class="footer">Veröffentlicht am 06.12.2016</footer></article>`,
			"2016-12-06"},
		// A <time datetime> in a reader's comment or the site's footer
		// is not the article's (scanDateMarkup).
		{"a comment's time element", "https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<main><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `<ol class="commentlist"><li><b>Max</b> <time datetime="2016-12-07T10:00:00+01:00">gestern</time><p>Schön!</p></li></ol></main>`,
			""},
		{"the site footer's time element", "https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<main><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `</main><footer><time datetime="2017-01-01">Stand der Seite</time></footer>`,
			""},
		{"the post footer's time element", "https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<main><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `</main><footer class="entry-footer"><time datetime="2016-12-06T10:00:00+01:00">vor 3 Jahren</time></footer>`,
			"2016-12-06"},
		// The blog engine's sentence about the post, longer than a date
		// line, that opens with its day (publishSentence).
		{"WordPress's German post sentence", "https://annasgarten.example.de/mein-garten-im-winter.html", "",
			`<div class="post"><h2>Mein Garten im Winter</h2><div class="entry">` + paragraphsHTML(gardenProse) + `</div><p class="postmetadata"><small>Dieser Eintrag wurde am Dienstag, 6. Dezember 2016 um 10:00 veröffentlicht und ist unter <a href="/garten">Garten</a> abgelegt. Du kannst die Kommentare zu diesem Eintrag durch den <a href="/feed">RSS 2.0</a> Feed verfolgen.</small></p></div>`,
			"2016-12-06"},
		{"WordPress's English post sentence", "https://annasgarden.example.com/my-garden-in-winter.html", "",
			`<div class="post"><h2>Mein Garten im Winter</h2><div class="entry">` + paragraphsHTML(gardenProse) + `</div><p class="postmetadata"><small>This entry was posted on Tuesday, December 6th, 2016 at 10:00 am and is filed under <a href="/garten">Garden</a>. You can follow any responses to this entry through the <a href="/feed">RSS 2.0</a> feed.</small></p></div>`,
			"2016-12-06"},
		{"prose that says when something was published", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `<p>Die Studie, veröffentlicht am 5. Dezember 2016 im Fachblatt Gartenbau, zeigt, dass Laub die Beete im Winter besser schützt als Folie oder Vlies.</p></main>`,
			""},
		// A date written with dots reads day first, so the creation date
		// shown after an update's overrules the update's time element
		// (locateDate's swappable, preferShown).
		{"creation shown after the update's time element", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">Aktualisiert: <time datetime="2016-12-08T10:00">08.12.2016</time> · Erstellt: <time datetime="2016-12-06T10:00">06.12.2016</time></p>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-12-06"},
		{"a date with slashes that reads either way does not overrule", "https://news.example.com/politics/article-123.html",
			`<meta property="article:published_time" content="2016-12-08T10:00:00-05:00">`,
			`<main><h1>Mein Garten im Winter</h1><p class="meta">12/06/2016</p>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-12-08"},
		// A <time> labelled as the update's is the modified date
		// (labelledUpdate), even when the page shows relative times only.
		{"update time element before the publication's", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><div>Zuletzt aktualisiert <time datetime="2016-12-08T10:00">vor 2 Tagen</time>, erschienen <time datetime="2016-12-06T10:00">vor 4 Tagen</time></div>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-12-06"},
		{"update label in its own element", "https://news.example.com/politics/article-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><div><span>Updated</span> <time datetime="2016-12-08T10:00">2 days ago</time></div><div><span>Published</span> <time datetime="2016-12-06T10:00">4 days ago</time></div>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-12-06"},
		// A release date in a meta tag is the page's publication
		// (publishedKeys); a page's generation time or a meta named
		// "meta" or "timestamp" says nothing of it.
		{"meta release_date", "https://news.example.de/politik/artikel-123.html",
			`<meta name="release_date" content="2016-12-06">`, body, "2016-12-06"},
		{"a meta named timestamp is not the publication", "https://news.example.de/politik/artikel-123.html",
			`<meta name="timestamp" content="2016-12-06 10:00:00">`, body, ""},
		{"a meta named meta is not the publication", "https://news.example.de/politik/artikel-123.html",
			`<meta name="meta" content="2016-12-06">`, body, ""},
		// A video page's JSON-LD gives its day as uploadDate (ldArticle's
		// Uploaded), after every meta tag.
		{"JSON-LD uploadDate of a video page", "https://news.example.de/video/artikel-123.html",
			`<script type="application/ld+json">{"@type":"VideoObject","name":"Mein Garten im Winter","uploadDate":"2016-12-06T10:00:00+01:00"}</script>`, body, "2016-12-06"},
		{"a meta tag's publication before a video's upload", "https://news.example.de/politik/artikel-123.html",
			`<meta property="article:published_time" content="2016-12-08T10:00:00+01:00"><script type="application/ld+json">{"@type":"VideoObject","name":"Frost im Beet","uploadDate":"2014-03-01T10:00:00+01:00"}</script>`, body, "2016-12-08"},
		{"an article's datePublished before its video's upload", "https://news.example.de/politik/artikel-123.html",
			`<script type="application/ld+json">[{"@type":"NewsArticle","headline":"Mein Garten im Winter","datePublished":"2016-12-08T10:00:00+01:00"},{"@type":"VideoObject","name":"Frost im Beet","uploadDate":"2014-03-01T10:00:00+01:00"}]</script>`, body, "2016-12-08"},
		// An element that keeps Unix seconds in data-utime shows a date
		// whatever its class (isDateElement).
		{"abbr with data-utime and no class", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><abbr data-utime="1481014800">Dienstag</abbr>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-12-06"},
		{"a data-time with no date class is not read", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><span data-time="2016-12-06 10:00:00">Lesezeit 3 Minuten</span>` + paragraphsHTML(gardenProse) + `</main>`,
			""},
		// The image named for sharing files under its day when nothing
		// else dates the page (sharedImageDate).
		{"og:image under a dated path", "https://news.example.de/politik/artikel-123.html",
			`<meta property="og:image" content="https://news.example.de/bilder/2016/12/06/garten.jpg">`, body, "2016-12-06"},
		{"og:image under a year and month", "https://news.example.de/politik/artikel-123.html",
			`<meta property="og:image" content="https://news.example.de/wp-content/uploads/2016/12/garten.jpg">`, body, ""},
		{"og:image named for its day in a month's folder", "https://news.example.de/politik/artikel-123.html",
			`<meta property="og:image" content="https://news.example.de/wp-content/uploads/2016/12/6.jpg">`, body, ""},
		{"a date in markup before og:image's path", "https://news.example.de/politik/artikel-123.html",
			`<meta property="og:image" content="https://news.example.de/bilder/2014/03/01/garten.jpg">`,
			`<main><h1>Mein Garten im Winter</h1><p class="meta">06.12.2016</p>` + paragraphsHTML(gardenProse) + `</main>`, "2016-12-06"},
		// A dateline opens the first paragraph: a place or an agency, the
		// date, a dash (leadDateline).
		{"dateline at the start of the first paragraph", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p>Berlin (dpa) – 06.12.2016 – ` + gardenProse[0] + `</p>` + paragraphsHTML(gardenProse[1:]) + `</main>`,
			"2016-12-06"},
		{"a press release's dateline", "https://news.example.com/politics/article-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p>BERLIN, Dec. 6, 2016 /PRNewswire/ -- ` + gardenProse[0] + `</p>` + paragraphsHTML(gardenProse[1:]) + `</main>`,
			"2016-12-06"},
		{"dateline opening a short first paragraph", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p>Berlin (dpa) – 06.12.2016 – Im Winter ruht der Garten, doch wer jetzt plant, erntet mehr.</p>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-12-06"},
		{"a caption's dateline", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><figure><figcaption>Berlin, 05.12.2016 – Ein Beet im Schnee. Foto: Anna Muster</figcaption></figure>` + paragraphsHTML(gardenProse) + `</main>`,
			""},
		{"an Arabic dateline", "https://news.example.iq/politics/article-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p>بغداد - 6 كانون الأول 2016 - ` + strings.Repeat("قال مسؤولون في وزارة الزراعة إن موسم الشتاء سيكون باردا هذا العام. ", 3) + `</p>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-12-06"},
		{"a sentence that opens with a date is no dateline", "https://news.example.com/politics/article-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p>On December 6, 2016, the council voted on the gardens. ` + gardenProse[0] + `</p>` + paragraphsHTML(gardenProse[1:]) + `</main>`,
			""},
		{"a date in the first paragraph's middle is no dateline", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p>Die Gartenschau, die am 06.12.2016 – einem Dienstag – eröffnet wurde, zeigt Beete. ` + gardenProse[0] + `</p>` + paragraphsHTML(gardenProse[1:]) + `</main>`,
			""},
		// Elements named for a time, a publication or a parution (French)
		// are date elements too (isDateElement), as dating tools read
		// them: a date printed there far above the headline is found by
		// the last search.
		{"article-time far above the headline", "https://news.example.de/politik/artikel-123.html", "",
			`<article><div class="article-time">06.12.2016</div><div class="crumbs">` + strings.Repeat(`<a href="/x">Garten und Pflanzen</a> › `, 10) + `</div><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `</article>`,
			"2016-12-06"},
		{"parution far above the headline", "https://actu.example.fr/politique/article-123.html", "",
			`<article><p class="parution">Publié le 6 décembre 2016</p><div class="crumbs">` + strings.Repeat(`<a href="/x">Garten und Pflanzen</a> › `, 10) + `</div><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `</article>`,
			"2016-12-06"},
		{"publication far above the headline", "https://news.example.com/politics/article-123.html", "",
			`<article><p class="publication">6 December 2016</p><div class="crumbs">` + strings.Repeat(`<a href="/x">Garten und Pflanzen</a> › `, 10) + `</div><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `</article>`,
			"2016-12-06"},
		{"a reading time far above the headline", "https://news.example.de/politik/artikel-123.html", "",
			`<article><span class="reading-time">Lesezeit: 5 Minuten</span><div class="crumbs">` + strings.Repeat(`<a href="/x">Garten und Pflanzen</a> › `, 10) + `</div><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `</article>`,
			""},
		// Microdata's dateCreated on an element with text
		// (scanDateMarkup), after the other publication marks.
		{"itemprop dateCreated far above the headline", "https://news.example.de/politik/artikel-123.html", "",
			`<article><span itemprop="dateCreated">06.12.2016</span><div class="crumbs">` + strings.Repeat(`<a href="/x">Garten und Pflanzen</a> › `, 10) + `</div><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `</article>`,
			"2016-12-06"},
		{"itemprop datePublished before dateCreated", "https://news.example.de/politik/artikel-123.html", "",
			`<article><span itemprop="dateCreated">01.03.2014</span><h1>Mein Garten im Winter</h1><span itemprop="datePublished">06.12.2016</span>` + paragraphsHTML(gardenProse) + `</article>`,
			"2016-12-06"},
		// An element that opens with a calendar's or a clock's icon is a
		// date element (leadsWithDateIcon).
		{"calendar icon far above the headline", "https://news.example.de/politik/artikel-123.html", "",
			`<article><span><i class="fa fa-calendar"></i> 06.12.2016</span><div class="crumbs">` + strings.Repeat(`<a href="/x">Garten und Pflanzen</a> › `, 10) + `</div><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `</article>`,
			"2016-12-06"},
		{"clock icon far above the headline", "https://news.example.de/politik/artikel-123.html", "",
			`<article><div><svg class="icon icon-clock"><use href="#clock"></use></svg> 6. Dezember 2016</div><div class="crumbs">` + strings.Repeat(`<a href="/x">Garten und Pflanzen</a> › `, 10) + `</div><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `</article>`,
			"2016-12-06"},
		{"another icon far above the headline", "https://news.example.de/politik/artikel-123.html", "",
			`<article><span><i class="fa fa-star"></i> 06.12.2016</span><div class="crumbs">` + strings.Repeat(`<a href="/x">Garten und Pflanzen</a> › `, 10) + `</div><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `</article>`,
			""},
		// A script's variable or unquoted key that names the publication
		// (scriptKeyDate).
		{"a script's pubdate variable", "https://news.example.de/politik/artikel-123.html", "",
			`<script>var pubdate = "2016-12-06 10:00:00";</script>` + body, "2016-12-06"},
		{"a script's unquoted publishDate key", "https://news.example.de/politik/artikel-123.html", "",
			`<script>window.page = {publishDate: '2016-12-06T10:00:00+01:00', section: 'garten'};</script>` + body, "2016-12-06"},
		{"a script's cache time", "https://news.example.de/politik/artikel-123.html", "",
			`<script>var cacheTime = "2016-12-08 10:00:00"; var lastModifiedDate = "2016-12-08";</script>` + body, ""},
		// A quotation's date is what it quotes (firstDateLine,
		// readHeadlineBlock): an embedded post, a letter.
		{"an embedded post's date", "https://news.example.com/politics/article-123.html", "",
			`<main><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse[:1]) + `<blockquote class="twitter-tweet"><p>Snow in the garden!</p>&mdash; Anna (@anna) <a href="https://social.example.com/anna/status/1">December 5, 2016</a></blockquote>` + paragraphsHTML(gardenProse[1:]) + `</main>`,
			""},
		{"a quoted letter's date right after the headline", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><blockquote><p>Berlin, 1. März 2015</p><p>Sehr geehrte Damen und Herren,</p></blockquote>` + paragraphsHTML(gardenProse) + `</main>`,
			""},
		{"the date line after a quotation", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><blockquote><p>Berlin, 1. März 2015</p></blockquote><p class="meta">06.12.2016</p>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-12-06"},
		// Past the end of the story's <article>, dates are not the
		// article's (storyArticle): a widget, a teaser.
		{"a widget's date after the article", "https://news.example.de/politik/artikel-123.html", "",
			`<article><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `</article><div class="sidebar"><div class="wetter"><span>Freitag, 9. Dezember 2016</span> <span>3°C</span></div></div>`,
			""},
		{"a teaser's date after the article", "https://news.example.de/politik/artikel-123.html", "",
			`<article><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `</article><div class="related"><h3>Lesen Sie auch</h3><div><a href="/frost">Frost im Beet</a> <span>05.12.2016</span></div></div>`,
			""},
		{"an article around the headline alone", "https://news.example.de/politik/artikel-123.html", "",
			`<article><h1>Mein Garten im Winter</h1></article><div class="text">` + paragraphsHTML(gardenProse) + `<p>06.12.2016</p></div>`,
			"2016-12-06"},
		{"the date line in the story's article", "https://news.example.de/politik/artikel-123.html", "",
			`<article><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `<p>06.12.2016</p></article><div class="sidebar"><span>Freitag, 9. Dezember 2016</span></div>`,
			"2016-12-06"},
		// A date labelled as an event's, a deadline's or a printout's is
		// not the page's (textkit.EventLabels).
		{"an event's date", "https://verein.example.de/termine/gartenfest.html", "",
			`<main><h1>Mein Garten im Winter</h1><p>Termin: 24.12.2016, 18:00 Uhr</p>` + paragraphsHTML(gardenProse) + `</main>`,
			""},
		{"an event's date in English", "https://club.example.com/events/garden-party.html", "",
			`<main><h1>Mein Garten im Winter</h1><p>When: December 24, 2016</p>` + paragraphsHTML(gardenProse) + `</main>`,
			""},
		{"a deadline after the article", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `<p><strong>Anmeldeschluss: 15.01.2017</strong></p></main>`,
			""},
		{"the publication after an event's date", "https://verein.example.de/termine/gartenfest.html", "",
			`<main><h1>Mein Garten im Winter</h1><p>Termin: 24.12.2016, 18:00 Uhr</p>` + paragraphsHTML(gardenProse) + `<p class="meta">Veröffentlicht am 06.12.2016</p></main>`,
			"2016-12-06"},
		{"a word that ends like a label", "https://news.example.com/politics/article-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p>Determined event-free: December 6, 2016</p>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-12-06"},
		// Month names of more languages (textkit.EuropeanMonths).
		{"Slovak month", "https://spravy.example.sk/domov/clanok-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">6. decembra 2016</p>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-12-06"},
		{"Croatian month", "https://vijesti.example.hr/hrvatska/clanak-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">6. prosinca 2016.</p>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-12-06"},
		{"Malay month", "https://berita.example.my/nasional/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">6 Ogos 2016</p>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-08-06"},
		{"Estonian month", "https://uudised.example.ee/eesti/artikkel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">6. detsember 2016</p>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-12-06"},
		// Hungarian puts the year first (yearMonthDayAt).
		{"Hungarian date", "https://hirek.example.hu/belfold/cikk-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">2016. december 6. 10:00</p>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-12-06"},
		{"Hungarian month abbreviated", "https://hirek.example.hu/belfold/cikk-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">Publikálva: 2016. dec. 6.</p>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-12-06"},
		{"a year, a month and a count", "https://news.example.com/politics/article-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><p class="meta">Season 2016. December 6000 visitors</p>` + paragraphsHTML(gardenProse) + `</main>`,
			""},
		// A caption or credit named so, without a <figcaption>, dates
		// the photo (inNamedCaption).
		{"a photo's credit named so", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><div class="image"><img src="a.jpg" alt=""><span class="image-credit">Foto: Anna Muster, 03.05.2012</span></div>` + paragraphsHTML(gardenProse) + `</main>`,
			""},
		{"a caption named so far after the headline", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1>` + paragraphsHTML(gardenProse) + `<div class="wp-caption"><img src="a.jpg" alt=""><p class="wp-caption-text">Archivbild vom 3. Mai 2012</p></div></main>`,
			""},
		{"the date line after a caption", "https://news.example.de/politik/artikel-123.html", "",
			`<main><h1>Mein Garten im Winter</h1><div class="bildunterschrift">Archivbild vom 3. Mai 2012</div><p class="meta">06.12.2016</p>` + paragraphsHTML(gardenProse) + `</main>`,
			"2016-12-06"},
	}
	runEuropeanDates(t, tests)
}
