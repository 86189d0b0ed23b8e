package extract

import (
	"strings"
	"testing"
)

// TestThreadKnownByReplyLinks checks that a thread of readers' comments
// with no title and no class names, longer than the story above it, is
// known by its reply links however they are written: a reply word
// opening a few words, or wrapped in the link's own elements.
func TestThreadKnownByReplyLinks(t *testing.T) {
	story := bridgeStory[:3]
	comments := []string{
		"I have crossed that bridge every morning for thirty years and never once thought it was unsafe, so I would like to see the engineers' report before I believe a word of this, because the council has cried wolf before about the library and the pool.",
		"The ferry already runs full at eight in the morning, and nobody at the council seems to have asked how it will carry another two thousand people a day, or what those of us who work early shifts are supposed to do while we wait for the new bridge.",
		"Twenty minutes around through the suburbs is optimistic, since the ring road is jammed from seven to nine every day, and the detour will add an hour to every delivery my firm makes to the shops on the other bank of the river, which we will have to pass on.",
		"We were promised a new bridge in the last election and the one before that, and the money was never found, so forgive me if I do not hold my breath this time either; the old one will be closed for a decade while they argue about the design.",
		"My grandfather helped to build that bridge after the war, and it is a shame to see it left to rust, when a little paint every few years would have saved it, and the city could have spent far less on it than it will now spend on a new one.",
	}
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
		{"en", "Old bridge to close next spring", "Reply", bridgeStory, []string{
			"I have crossed that bridge every morning for thirty years and never once thought it was unsafe, so I would like to see the engineers' report before I believe a word of this, because the council has cried wolf before about the library and the pool.",
			"The ferry already runs full at eight in the morning, and nobody at the council seems to have asked how it will carry another two thousand people a day, or what those of us who work early shifts are supposed to do while we wait for the new bridge.",
			"Twenty minutes around through the suburbs is optimistic, since the ring road is jammed from seven to nine every day, and the detour will add an hour to every delivery my firm makes to the shops on the other bank of the river, which we will have to pass on.",
			"We were promised a new bridge in the last election and the one before that, and the money was never found, so forgive me if I do not hold my breath this time either; the old one will be closed for a decade while they argue about the design.",
			"My grandfather helped to build that bridge after the war, and it is a shame to see it left to rust, when a little paint every few years would have saved it, and the city could have spent far less on it than it will now spend on a new one.",
		}},
		{"ar", "إغلاق الجسر القديم في الربيع المقبل", "رد", bridgeStoryAr, []string{
			"أعبر هذا الجسر كل صباح منذ ثلاثين عاماً ولم أشعر يوماً بأنه غير آمن، لذلك أريد أن أرى تقرير المهندسين قبل أن أصدق كلمة من هذا، فالمجلس أطلق إنذارات كاذبة من قبل عن المكتبة والمسبح.",
			"العبارة ممتلئة أصلاً في الثامنة صباحاً، ولم يسأل أحد في المجلس كيف ستنقل ألفي شخص إضافيين كل يوم، أو ماذا يفعل الذين يعملون في الورديات المبكرة وهم ينتظرون الجسر الجديد.",
			"عشرون دقيقة عبر الضواحي تقدير متفائل، فالطريق الدائري مزدحم من السابعة حتى التاسعة كل يوم، وستضيف الطريق البديلة ساعة إلى كل شحنة توصلها شركتي إلى المحلات على الضفة الأخرى.",
			"وعدونا بجسر جديد في الانتخابات الماضية والتي قبلها، ولم تُوجد الأموال أبداً، فاعذروني إن لم أصدق هذه المرة أيضاً؛ سيبقى الجسر القديم مغلقاً عشر سنوات وهم يتجادلون حول التصميم.",
			"ساعد جدي في بناء هذا الجسر بعد الحرب، ومن المؤسف أن نراه يصدأ، فقليل من الطلاء كل بضع سنوات كان سيحميه، وكانت المدينة ستنفق عليه أقل بكثير مما ستنفقه الآن على جسر جديد.",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(`<html><body><div><a href="/">Home</a> <a href="/news">News</a></div><div><h1>` + tt.headline + `</h1><div>`)
			for _, p := range tt.story {
				b.WriteString(`<div><div><div><p>` + p + `</p></div></div></div>`)
			}
			b.WriteString(`</div><div>`)
			b.WriteString(repliedComments(tt.comments, "p", tt.reply))
			b.WriteString(`</div></div></body></html>`)
			got := extractText(t, []byte(b.String()), "https://example.com/news/bridge")
			checkStory(t, got, tt.story, openings(tt.comments))
		})
	}
}
