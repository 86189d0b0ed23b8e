package extract

import (
	"strings"
	"testing"
)

// TestShortArticlesInUnspacedScripts checks that a short article in a
// script written without spaces between words is an article: its length
// is counted in letters, not in space-separated chunks.
func TestShortArticlesInUnspacedScripts(t *testing.T) {
	cases := []struct {
		lang, title string
		paras       []string
	}{
		{"zh", "老桥将禁止汽车通行", []string{
			"市议会周二投票决定，从明年春天起禁止汽车通过老桥，因为工程师发现桥的钢结构锈蚀速度比预期更快。",
			"公共汽车和自行车仍可通行，议会表示，下游的新桥将在三年内开通，资金来自地区基金。",
			"东岸的店主担心会失去顾客，一份反对关闭的请愿书在一周内已收集到四千多个签名。",
		}},
		{"ja", "古い橋、車の通行禁止へ", []string{
			"市議会は火曜日、鉄骨の腐食が予想より早く進んでいることが分かったため、来年の春から古い橋への車の乗り入れを禁止することを決めた。",
			"バスと自転車は引き続き通行でき、下流の新しい橋は地域の基金を使って三年以内に開通する予定だという。",
		}},
		{"th", "ปิดสะพานเก่าห้ามรถยนต์", []string{
			"สภาเมืองลงมติเมื่อวันอังคารให้ปิดสะพานเก่าไม่ให้รถยนต์ผ่านตั้งแต่ฤดูใบไม้ผลิหน้าเนื่องจากวิศวกรพบว่าโครงเหล็กเป็นสนิมเร็วกว่าที่คาด",
			"รถโดยสารและจักรยานยังคงผ่านได้และสะพานใหม่จะเปิดภายในสามปี",
		}},
	}
	for _, c := range cases {
		t.Run(c.lang, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(`<html lang="` + c.lang + `"><head><title>` + c.title + `</title></head><body><nav><a href="/">Home</a></nav><div><h1>` + c.title + `</h1>`)
			b.WriteString(paragraphsHTML(c.paras))
			b.WriteString(`</div></body></html>`)
			got := extractText(t, []byte(b.String()), "https://example.com/news/bridge")
			for i, p := range c.paras {
				if !strings.Contains(got, p) {
					t.Errorf("paragraph %d missing from %q", i, got)
				}
			}
		})
	}
}
