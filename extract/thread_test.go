package extract

import (
	"fmt"
	"strings"
	"testing"
)

// TestThreadKnownByReplyLinks checks that a thread of readers' comments
// with no title and no class names, longer than the story above it, is
// known by its reply links however they are written: a reply word
// opening a few words, or wrapped in the link's own elements.
func TestThreadKnownByReplyLinks(t *testing.T) {
	story := bridgeStory[:3]
	comments := bridgeComments
	replies := map[string]string{
		"reply to this":     `<a href="/comments/reply">Reply to This</a>`,
		"wrapped reply":     `<a href="#reply"><i></i> <span>Reply</span></a>`,
		"French sentence":   `<a href="#repondre">Répondre à ce message</a>`,
		"reply to a reader": `<a href="#r">Reply to Anna</a>`,
	}
	for name, reply := range replies {
		t.Run(name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(`<html><body><div><a href="/">Home</a> <a href="/news">News</a></div><div><div><h1>Old bridge to close next spring</h1>`)
			b.WriteString(paragraphsHTML(story))
			b.WriteString(`</div><ul>`)
			// Each comment is answered by the others, a nested thread
			// that holds far more prose than the story.
			for i, c := range comments {
				b.WriteString(comment(i, c, reply) + `<ul>`)
				for j, r := range comments {
					if j != i {
						b.WriteString(comment(j, r, reply) + `</li>`)
					}
				}
				b.WriteString(`</ul></li>`)
			}
			b.WriteString(`</ul></div></body></html>`)
			got := extractText(t, []byte(b.String()), "https://example.com/news/bridge")
			for i, p := range story {
				if !strings.Contains(got, p) {
					t.Errorf("story paragraph %d missing from:\n%s", i, got)
				}
			}
			for i, c := range comments {
				if strings.Contains(got, c[:60]) {
					t.Errorf("comment %d taken:\n%s", i, got)
				}
			}
		})
	}
}

// comment writes reader i's comment c as an open list item, with the
// thread's reply link and a share link under it.
func comment(i int, c, reply string) string {
	who := "reader" + string(rune('a'+i))
	return `<li><div><a href="/user/` + who + `">` + who + `</a> on Friday @07:52PM</div><div><p>` + c + `</p></div><div>` + reply + ` <a href="/share">Share</a></div>`
}

// TestPageThatIsAThread checks that a page holding nothing but a thread
// of readers' posts (a forum's or a question's page), known by its reply
// links or by its posts' headers, gives the thread, not one post of it:
// with no story beside it, the thread is the page's content.
func TestPageThatIsAThread(t *testing.T) {
	posts := []string{
		"Which lock do you use for a bike that stays outside the station all day? Mine was cut last week in broad daylight and nobody saw a thing.",
		"A heavy D-lock through the frame and the back wheel, plus a cable for the front one. Thieves go for the easier bike next to yours, that is all you can hope for.",
		"I carry two locks of different kinds, because a thief usually brings the tool for one kind only. It is heavy, but I have not lost a bike in ten years.",
		"Park where there is a camera and plenty of people walking past. The lock matters less than the place, in my experience, and the station has a guarded rack.",
		"Register the frame number with the police and take a photo of the bike. When the one I lost turned up in a market, that was the only way to prove it was mine.",
	}
	headers := map[string]func(i int) string{
		"reply links": func(i int) string {
			return `<div><b>rider` + string(rune('a'+i)) + `</b></div><div>` + `<a href="#p` + string(rune('0'+i)) + `">2 March 2024 at 10:1` + string(rune('0'+i)) + `</a></div>`
		},
		"headers with a verb": func(i int) string {
			return `<div><b>rider` + string(rune('a'+i)) + `</b> says:</div><div>2 March 2024 at 10:1` + string(rune('0'+i)) + `</div>`
		},
	}
	for name, header := range headers {
		t.Run(name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(`<html><body><div><a href="/">Home</a> <a href="/forum">Forum</a> <a href="/about">About us</a></div>`)
			b.WriteString(`<div><h1>Which bike lock do you use?</h1><ol>`)
			for i, p := range posts {
				reply := ""
				if name == "reply links" {
					reply = `<div><a href="?reply=` + string(rune('0'+i)) + `">Reply</a></div>`
				}
				b.WriteString(`<li><div>` + header(i) + `<p>` + p + `</p>` + reply + `</div></li>`)
			}
			b.WriteString(`</ol></div><div><p>Copyright 2024 Bike Forum. All rights reserved.</p></div></body></html>`)
			got := extractText(t, []byte(b.String()), "https://example.com/forum/locks")
			checkStory(t, got, posts, []string{"Reply"})
		})
	}
}

// flatStoryOverThread writes a page whose story a page builder cut into
// one box per paragraph, under its headline, with the thread of comments
// (HTML) in a box after it.
func flatStoryOverThread(headline string, story []string, thread string) string {
	var b strings.Builder
	b.WriteString(`<html><body><div><a href="/">Home</a> <a href="/news">News</a></div><div><h1>` + headline + `</h1><div>`)
	for _, p := range story {
		b.WriteString(`<div><div><div><p>` + p + `</p></div></div></div>`)
	}
	b.WriteString(`</div><div>` + thread + `</div></div></body></html>`)
	return b.String()
}

// TestFlatThreadKnownByReplyLinks checks that a thread of readers'
// comments, each a box of its own with a reply link under it, no
// title, no class names and no speech verb in its header ("Sam K. 1
// March 2021, 8:00"), is known as a thread under a story that a page
// builder cut into one box per paragraph: each comment outscores each
// part of the story, and the comments together hold more prose than it.
func TestFlatThreadKnownByReplyLinks(t *testing.T) {
	tests := []struct {
		name, headline, reply string
		story, comments       []string
	}{
		{"en", "Old bridge to close next spring", "Reply", bridgeStory, bridgeComments},
		{"ar", "إغلاق الجسر القديم في الربيع المقبل", "رد", bridgeStoryAr, bridgeCommentsAr},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := flatStoryOverThread(tt.headline, tt.story, repliedComments(tt.comments, "p", tt.reply))
			got := extractText(t, []byte(page), "https://example.com/news/bridge")
			checkStory(t, got, tt.story, openings(tt.comments))
		})
	}
}

// TestThreadKnownBySignatures checks that a thread of readers' comments
// with no reply links, no speech verbs, no title and no class names,
// longer than the story above it, is known by the readers' signatures: a
// name and a stamp of a date and a time of day, on one line or two.
func TestThreadKnownBySignatures(t *testing.T) {
	names := []string{"Sam K.", "Layla", "Omar 1984", "J. Fischer", "rivertown"}
	namesAr := []string{"أبو علي", "سارة", "محمد الكاظمي", "ليلى", "حسين ٨٨"}
	arabicDigits := strings.NewReplacer("0", "٠", "1", "١", "2", "٢", "3", "٣", "4", "٤", "5", "٥", "6", "٦", "7", "٧", "8", "٨", "9", "٩")
	tests := []struct {
		name, headline  string
		story, comments []string
		signature       func(i int) string
	}{
		{"en, one line", "Old bridge to close next spring", bridgeStory, bridgeComments, func(i int) string {
			return fmt.Sprintf(`<a href="/user/%d">%s</a> <span>%d March 2021, 8:%02d</span>`, i, names[i], i+1, 7*i)
		}},
		{"en, stamp under the name", "Old bridge to close next spring", bridgeStory, bridgeComments, func(i int) string {
			return fmt.Sprintf(`<b>%s</b><div>March %d, 2021 at 8:%02d pm</div>`, names[i], i+1, 7*i)
		}},
		{"ar", "إغلاق الجسر القديم في الربيع المقبل", bridgeStoryAr, bridgeCommentsAr, func(i int) string {
			return fmt.Sprintf(`<a href="/user/%d">%s</a> <span>%s</span>`, i, namesAr[i], arabicDigits.Replace(fmt.Sprintf("%d آذار 2021، 8:%02d", i+1, 7*i)))
		}},
		{"ar, hour label", "إغلاق الجسر القديم في الربيع المقبل", bridgeStoryAr, bridgeCommentsAr, func(i int) string {
			return fmt.Sprintf(`<b>%s</b><div>%s</div>`, namesAr[i], arabicDigits.Replace(fmt.Sprintf("%d مارس 2021 الساعة 9:%02d", i+1, 7*i)))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := flatStoryOverThread(tt.headline, tt.story, commentBoxes(tt.comments, tt.signature, "p", ""))
			got := extractText(t, []byte(page), "https://example.com/news/bridge")
			checkStory(t, got, tt.story, openings(tt.comments))
		})
	}
}

// TestSignedEntriesStayInTheStory checks that a story told in dated,
// signed entries is not taken for a thread of comments: a live blog whose
// entries one reporter signs, a live blog whose entries have titles, and
// a version history whose entries are dated by the day alone.
func TestSignedEntriesStayInTheStory(t *testing.T) {
	intro := "Follow the council's decision on the old bridge as it happens: our reporters are at the town hall and on both banks of the river, and will post here through the day."
	introAr := "ننقل إليكم قرار المجلس بشأن الجسر القديم لحظة بلحظة: مراسلونا في مبنى المحافظة وعلى ضفتي النهر، وسينشرون هنا طوال اليوم."
	tests := []struct {
		name, intro string
		story       []string
		entry       func(i int, text string) string
	}{
		{"one reporter", intro, bridgeStory, func(i int, text string) string {
			return fmt.Sprintf(`<div><div><b>Anna Weber</b> 6 March 2021, 9:%02d</div><p>%s</p></div>`, 10*i, text)
		}},
		{"one reporter, ar", introAr, bridgeStoryAr, func(i int, text string) string {
			return fmt.Sprintf(`<div><div><b>مراسلنا في البصرة</b> 6 آذار 2021، 9:%02d</div><p>%s</p></div>`, 10*i, text)
		}},
		{"titled entries", intro, bridgeStory, func(i int, text string) string {
			titles := []string{"Council votes", "Ferry full", "Mayor speaks", "Shops worried"}
			return fmt.Sprintf(`<div><h3>%s</h3><div>6 March 2021, 9:%02d</div><p>%s</p></div>`, titles[i], 10*i, text)
		}},
		{"version history", intro, bridgeStory, func(i int, text string) string {
			return fmt.Sprintf(`<div><div><b>Version 2.%d</b></div><div>March %d, 2021</div><p>%s</p></div>`, 4-i, 20-i, text)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(`<html><body><div><a href="/">Home</a> <a href="/news">News</a></div><div><h1>Old bridge: live</h1><p>` + tt.intro + `</p><div>`)
			for i, p := range tt.story {
				b.WriteString(tt.entry(i, p))
			}
			b.WriteString(`</div></div><div>Footer</div></body></html>`)
			got := extractText(t, []byte(b.String()), "https://example.com/news/bridge-live")
			checkStory(t, got, append([]string{tt.intro}, tt.story...), nil)
		})
	}
}
