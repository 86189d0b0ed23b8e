// Package extract finds the article in an HTML page and returns it cleaned:
// title, byline, dates, language and direction, and the body as sanitized
// HTML and as plain text. It is pure: it takes already-decoded HTML and the
// page URL, and never does HTTP.
//
// # The pipeline, stage by stage
//
// Data flows one way, from the parsed page to an [Article]. Each stage
// names the files that hold it; start reading at extract.go.
//
//  1. Entry (extract.go): [Extract], [ExtractWith] and [ExtractNode] parse
//     the page once (parse, scripting off), move the parts of a page
//     streamed by React from their hidden divs to their placeholders
//     (streamed.go), read its metadata, then take
//     the article either by a site [Rule] (byRule, rule.go) or by the
//     heuristics.
//
//  2. Metadata (metadata*.go, date*.go, lang.go): readMetadata indexes
//     the page in one walk (metadata_index.go), which also counts the
//     mojibake of a page encoded in UTF-8 twice over, read back before
//     anything is read (mojibake.go), reads meta tags
//     (metadata_tags.go) and JSON-LD (metadata_jsonld.go,
//     metadata_ldfields.go), and picks the title (metadata_title.go), the
//     byline (metadata_byline.go, metadata_walk.go), the dates, the
//     language and direction (lang.go), site name, image and description
//     (metadata.go). Dates: pickDates (date_find.go) tries JSON-LD, meta
//     tags, date markup, a dated URL path, the date printed with the
//     headline (date_headline.go, which finds the headline's heading and
//     also overrules metadata that is later than the byline's day), a
//     date elsewhere in the URL, a date line after the headline, a video
//     page's upload date and a datePublished field in a script, and only
//     then other meta names and date elements by the headline
//     (searchDate), a dateline opening the first paragraph
//     (date_dateline.go), the day folders of the shared image and a
//     modified date in the URL's month;
//     dates in the URL are read by date_url.go,
//     text dates by date_text.go over text folded by
//     date_fold.go, with Solar Hijri dates in date_jalali.go and machine
//     formats in date.go.
//
//  3. Preparation (prepare.go, hints.go, boxes.go, paragraphs.go):
//     the preparer walks the body once, drops what is never content
//     (comments, scripts, styles, form controls, embeds), sets hidden
//     elements aside (shown again only when the visible page holds no
//     article: showHidden; a collapsed accordion or tab panel, and the
//     folded rest of a story after its "Read more" (continuesStory),
//     count as shown), turns lazy images into real ones, and marks
//     chrome: elements whose tag, role, class or id say so (hints.go;
//     not the class names a blog gives a post to describe it,
//     "category-social-media", "has-comments": isPostClass; nor a hint
//     word after a negation, "unsponsored": negated; nor the id of a
//     heading, an anchor made of its own words; nor the only
//     child of a box rescued by a word of content, a page builder's
//     "widget-container" in its "widget-text-editor": inContext), boxes that
//     schema.org microdata names the author (isAuthorBox) and boxes
//     whose title says so (boxes.go, boilerplate.go; a table titled by a
//     first row of one cell, as pages laid out in tables title their
//     readers' comments: titledTable). Runs of loose text
//     separated by <br> are wrapped into paragraphs (paragraphs.go).
//     Chrome is marked, not removed, so that later passes can score the
//     page without it.
//     Around a story whose headline lies outside them, rivers of the
//     site's teasers are marked like titled boxes (teasers.go). The boxes
//     after the site's footer (beyondFooter: a dialog, a lightbox, the
//     site's "about" blurb) are chrome, and not the page's prose; the
//     footer is a box named so, or a <footer> that belongs to the page as
//     a whole, in no article, section or main (isSiteFooter), or a box
//     whose last words are the site's rights notice, "© 2026 … All rights
//     reserved." (endsWithRightsNotice).
//
//  4. Candidate scoring (heuristics.go, candidates.go, measure.go,
//     siblings.go, threads.go): byHeuristics runs up to five passes, each less
//     strict than the one before (passes), until one finds enough text;
//     the passes that let chrome marks back in still leave out the
//     page's own <footer> elements, those of the page as a whole that
//     do not hold its <h1> (pageFooters). A
//     pass scores paragraphs (p, and the divs, cells and list items of
//     prose that stand in for them: isScorable) and gives their score to
//     their ancestors
//     (the scorer in candidates.go, text statistics in measure.go), takes
//     the best candidate and the siblings that belong with it
//     (siblings.go); a choice that cleaning empties, or that reads as a
//     whole as the site's notice (a disclaimer, a licence, a consent
//     dialog; not a block that holds the page's headline), gives way to the
//     next block (runPass), and a notice that no other block replaces
//     lets the later passes look for an article (choice.outranks); a pass whose cleaning emptied a block at
//     least as long as the one it then chose is doubted, and a later pass
//     that keeps more of that block wins (runPasses: a story in a box
//     classed like comments). A short pick (under 1,500 characters of
//     prose) gives way to the runner-up that comes first after the page's
//     headline, unless the two are parts of one story (nearHeadline); the
//     headline is the first <h1>, or on a page without one the first
//     element that shows nothing but the page's title, a bold or large
//     text in a page laid out in tables (pageHeadline). A pick
//     holding under half of the page's paragraph
//     text climbs to the ancestor whose other sections are built like it
//     (clusterClimb, candidates.go). A short pick holding under a fifth of
//     the page's paragraph text is doubted, and a later pass that finds
//     twice the text replaces it (the chooser's secondOpinion,
//     proseOfPage), text in titled boxes and teaser lists not counted
//     (outsideBoxes). A pick most of whose text lies in boxes titled as
//     chrome is cleaned again without them (titledOpinion). A pick still
//     holding under half of the page's prose gives way to the block that
//     holds most of it (proseCentre), however deep its paragraphs sit,
//     when that keeps much more text after cleaning (centreOpinion): a
//     page builder's text box ("widget") that class names hid is read so,
//     or one that only the wrappers around it hid (hiddenByClass);
//     a centre around the pick leaves out the boxes beside the pick that
//     their titles mark as chrome (besidePick). Blocks beside the pick
//     join it (siblings.go), but none from after the site's footer or
//     from before its header.
//     A short strict pick away from the page's headline, when chrome
//     marks hid that headline (an <h1> repeating the title in a blog
//     platform's post box classed "widget") or the first paragraph under
//     it (a story in a box classed like comments), gives way to a later
//     pass's pick that holds the headline or comes first under it
//     (headlineOpinion).
//     A thread of readers' comments, known by its reply links, by runs
//     of boxes that each hold a reply link, or by runs of comments whose
//     headers name the reader with a speech verb and stamp the comment
//     ("Anna wrote on December 6, 2016 at 9:12 am:") or sign it with a
//     name, a date and a time ("Sam K. 1 March 2021, 8:07"; isThread,
//     findComments, threads.go), is never the pick, a sibling, an
//     ancestor to climb to or the centre, and its known comments are not
//     the page's prose that picks are weighed against (proseOfPage); nor
//     is another <article> with its own headline a sibling of the story. A
//     page that is nothing but a thread (a forum's) is read again with
//     its comments as its content when the passes found one comment.
//
//  5. Cleaning (clean.go, layout.go, trim.go, boilerplate.go, images.go,
//     urls.go): a copy of the chosen content, without the page's readers'
//     comments known by their headers, signatures or reply links (found
//     once before the passes: findComments, threads.go), is cleaned
//     bottom-up: blocks
//     that look like link lists, ads or forms, a form's note, script
//     text printed as text, and boxes under a chrome title go (clean.go;
//     a title over a share bar that opens the story marks only the bar),
//     while a div of text is judged as the paragraph it acts as and a
//     block that a weak chrome word names stays when it reads as prose;
//     chrome images are dropped (images.go); layout tables are
//     unwrapped (layout.go) and bylines, datelines, author bios (a line
//     opening with the byline's full name: isBioOf), chrome
//     lines and the site's notices to its reader (cookies, accounts,
//     licences: isServiceText) at the edges are trimmed, a box of them
//     at the end whole, as a consent dialog is (trimNoticeBoxes; trim.go,
//     phrases in boilerplate.go and internal/textkit). Every link and image of
//     the content finally chosen is made absolute (urls.go).
//
//  6. Cross-check (crosscheck.go): when the page carries a JSON-LD
//     articleBody and the choice misses most of it, the block that best
//     matches it, or the articleBody itself, is taken instead.
//
//  7. Output (article.go, render.go, sanitize.go, allowed.go): newArticle
//     renders the nodes as sanitized HTML (sanitize.go: the policy; most
//     articles are written straight from the tree as the policy keeps
//     them, allowed.go) and as plain text with one blank line between
//     paragraphs (render.go).
//
// Helpers used throughout: dom.go (node utilities). Knowledge of text that
// listing and feeds share too — letter and digit folding, month names,
// right-to-left languages, byline prefixes, box titles — lives in
// internal/textkit.
//
// The benchmark metric (token precision, recall and F1 against a
// reference text) is the sub-package extract/evaluate, used by the tests and
// bench/; it is not the candidate scorer of stage 4 (candidates.go), and
// extraction uses only its tokenizer, in the cross-check.
package extract
