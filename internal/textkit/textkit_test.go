package textkit

import (
	"strings"
	"testing"
	"unicode"
)

func TestFoldPhrase(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Related Articles:", "related articles"},
		{"مقالاتٌ ذاتُ صلة", "مقالات ذات صله"},
		{"أخبار العراق — اليوم", "اخبار العراق اليوم"},
		{"إقرأ أيضاً", "اقرا ايضا"},
		{"مسؤول كبیر", "مسوول كبير"},
		{"١٢ كانون الأول ٢٠٢٢", "12 كانون الاول 2022"},
		{"۲۹ بهمن ۱۳۹۸", "29 بهمن 1398"},
		{"\u200fالـــخبر\u200f", "الخبر"},
		{"  ", ""},
	}
	for _, tt := range tests {
		if got := FoldPhrase(tt.in); got != tt.want {
			t.Errorf("FoldPhrase(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldDigits(t *testing.T) {
	if got := FoldDigits("٢٤/٠٨/۲۰۲۰ and ２０"); got != "24/08/2020 and 20" {
		t.Errorf("FoldDigits = %q", got)
	}
	if DigitValue('x') != -1 || DigitValue('٧') != 7 || DigitValue('۷') != 7 || DigitValue('7') != 7 {
		t.Error("DigitValue misreads a digit")
	}
}

func TestMonthNumber(t *testing.T) {
	tests := []struct {
		name string
		want int
	}{
		// Maghrebi names, the ones listing used to miss among them.
		{"جانفي", 1}, {"فيفري", 2}, {"أفريل", 4}, {"ماي", 5},
		{"جوان", 6}, {"جويلية", 7}, {"أوت", 8}, {"اوت", 8},
		// Moroccan.
		{"يوليوز", 7}, {"غشت", 8}, {"شتنبر", 9}, {"نونبر", 11}, {"دجنبر", 12},
		// Levantine, with and without hamza, one or two spaces.
		{"كانون الثاني", 1}, {"كانون  الأول", 12}, {"تشرين ثاني", 11}, {"آذار", 3}, {"آب", 8}, {"أيلول", 9},
		// Egyptian and English.
		{"أغسطس", 8}, {"يونيه", 6}, {"September", 9}, {"sept", 9}, {"DEC", 12},
		{"كانون", 0}, {"Monday", 0}, {"", 0},
	}
	for _, tt := range tests {
		if got := MonthNumber(tt.name); got != tt.want {
			t.Errorf("MonthNumber(%q) = %d, want %d", tt.name, got, tt.want)
		}
	}
	for _, w := range []string{"كانون", "الثاني", "sept", "جوان", "جويليه", "اوت", "دجنبر"} {
		if !IsMonthNameWord(w) {
			t.Errorf("IsMonthNameWord(%q) = false", w)
		}
	}
	for _, w := range []string{"بهمن", "monday", "كان", "جويلية"} {
		if IsMonthNameWord(w) {
			t.Errorf("IsMonthNameWord(%q) = true", w)
		}
	}
	if JalaliMonthNumber("اردیبهشت") != 2 || JalaliMonthNumber("اسفند") != 12 || JalaliMonthNumber("مارس") != 0 {
		t.Error("JalaliMonthNumber misreads a Solar Hijri month")
	}
}

func TestIsRTLLang(t *testing.T) {
	rtl := []string{"ar", "ar-IQ", "ar_iq", "fa", "fa-IR", "he", "iw", "ur", "ps", "ckb", "syr", "yi", "dv", "sd", "ug", "ku-Arab", "az-Arab", "pa-PK"}
	ltr := []string{"en", "en-US", "ku", "ku-Latn", "tr", "fr", "", "und-xx-bogus!", "{{lang}}"}
	for _, tag := range rtl {
		if !IsRTLLang(tag) {
			t.Errorf("IsRTLLang(%q) = false, want true", tag)
		}
	}
	for _, tag := range ltr {
		if IsRTLLang(tag) {
			t.Errorf("IsRTLLang(%q) = true, want false", tag)
		}
	}
}

func TestTextDirection(t *testing.T) {
	tests := []struct{ in, want string }{
		{"بغداد - قال مسؤول عراقي", "rtl"},
		{"Breaking: بغداد", "ltr"},
		{"שלום עולם", "rtl"},
		{"ܫܠܡܐ", "rtl"},
		{"Hello", "ltr"},
		{"2020 - 12", ""},
	}
	for _, tt := range tests {
		if got := TextDirection(tt.in); got != tt.want {
			t.Errorf("TextDirection(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if !IsRTLLetter('ب') || IsRTLLetter('b') || IsRTLLetter('٣') {
		t.Error("IsRTLLetter")
	}
}

func TestPhrases(t *testing.T) {
	for _, s := range []string{"By Jane Doe", "بقلم: علي حسن", "كتب - محمد علي", "إعداد: سارة"} {
		if !HasBylinePrefix(FoldPhrase(s)) {
			t.Errorf("HasBylinePrefix(%q) = false", s)
		}
	}
	for _, s := range []string{"Bypass surgery", "كتبه القراء كثيرا"} {
		if HasBylinePrefix(FoldPhrase(s)) {
			t.Errorf("HasBylinePrefix(%q) = true", s)
		}
	}
	for _, s := range []string{"Related Articles", "مواضيع ذات صلة", "الأكثر قراءة هذا الأسبوع", "More from Science", "اقرأ أيضاً"} {
		if !IsBoxTitle(FoldPhrase(s)) {
			t.Errorf("IsBoxTitle(%q) = false", s)
		}
	}
	for _, s := range []string{"Iraq's parliament meets", "أخبار العراق"} {
		if IsBoxTitle(FoldPhrase(s)) {
			t.Errorf("IsBoxTitle(%q) = true", s)
		}
	}
	for _, s := range []string{"Our most read stories", "الأخبار الأكثر قراءة", "Related coverage", "اقرأ أيضاً"} {
		if !ContainsOtherStoriesTitle(FoldPhrase(s)) {
			t.Errorf("ContainsOtherStoriesTitle(%q) = false", s)
		}
	}
	for _, s := range []string{"آخر الأخبار", "Latest news", "Unrelated news", "أخبار العراق"} {
		if ContainsOtherStoriesTitle(FoldPhrase(s)) {
			t.Errorf("ContainsOtherStoriesTitle(%q) = true", s)
		}
	}
	for _, s := range []string{"Updated on 09/11/25", "آخر تحديث: 3 آب 2020", "Zuletzt aktualisiert am 3. März"} {
		if !IsUpdateNotice(s) {
			t.Errorf("IsUpdateNotice(%q) = false", s)
		}
	}
	if IsUpdateNotice("Published August 7, 2023 by Nicole") {
		t.Error("IsUpdateNotice of a publication line")
	}
}

func TestIsReplyLink(t *testing.T) {
	for _, s := range []string{"Reply", "Reply to This", "Reply ↓", "Répondre à ce message", "Antworten", "رد", "回复", "回复此评论", "Reply to Anna Smith"} {
		if !IsReplyLink(FoldPhrase(s)) {
			t.Errorf("IsReplyLink(%q) = false", s)
		}
	}
	for _, s := range []string{"Replyable", "Reply to the council's consultation on the new bridge by Friday", "Replies", "Read more", "回复率是衡量客服质量的重要指标之一吗"} {
		if IsReplyLink(FoldPhrase(s)) {
			t.Errorf("IsReplyLink(%q) = true", s)
		}
	}
}

// TestTablesAreFolded checks that every phrase table entry is written as
// FoldPhrase leaves text, so that lookups of folded text find it.
func TestTablesAreFolded(t *testing.T) {
	check := func(table, s string) {
		t.Helper()
		want := FoldPhrase(s)
		if s[len(s)-1] == ' ' {
			want += " "
		}
		if s != want {
			t.Errorf("%s entry %q is not folded (want %q)", table, s, want)
		}
	}
	for _, p := range BylinePrefixes {
		check("BylinePrefixes", p)
	}
	for _, p := range OtherStoriesTitles {
		check("OtherStoriesTitles", p)
	}
	for p := range BoxTitles {
		check("BoxTitles", p)
	}
	for _, p := range BoxTitleStarts {
		check("BoxTitleStarts", p)
	}
	for _, p := range ServiceWords {
		check("ServiceWords", p)
	}
	for _, p := range ReplyWords {
		check("ReplyWords", p)
	}
	for _, p := range SpeechVerbs {
		check("SpeechVerbs", p)
	}
	for _, p := range BioTitles {
		check("BioTitles", p)
	}
	for _, p := range EventLabels {
		check("EventLabels", p)
	}
	for _, p := range UpdateWords {
		if FoldPhrase(p) != p {
			t.Errorf("UpdateWords entry %q is not folded", p)
		}
	}
	for m := range Months {
		check("Months", m)
	}
	if len(Months) < 60 || len(JalaliMonths) != 13 {
		t.Errorf("tables: %d months, %d Solar Hijri names", len(Months), len(JalaliMonths))
	}
	for _, tab := range RTLTables {
		if tab == unicode.Latin {
			t.Error("Latin in RTLTables")
		}
	}
}

func TestCountServiceWords(t *testing.T) {
	cases := []struct {
		text string
		want int
	}{
		{"We use cookies to measure campaigns. By clicking accept you consent to cookies as our privacy policy says.", 4},
		{"The regulator fined the company for setting cookies before users gave consent.", 2},
		{"Cookiecutter templates are not cookies", 1},
		{"اشترك في النشرة البريدية، جميع الحقوق محفوظة", 3},
		{"我们使用cookie改善体验。继续浏览即表示您接受我们的隐私政策和用户协议。", 3},
		{"市长说，市民可以在网上注册参加听证会。", 1},
		{"", 0},
	}
	for _, c := range cases {
		if got := CountServiceWords(FoldPhrase(c.text)); got != c.want {
			t.Errorf("CountServiceWords(%q) = %d, want %d", c.text, got, c.want)
		}
	}
}

func TestCountWords(t *testing.T) {
	cases := []struct {
		s           string
		limit, want int
	}{
		{"one two  three", -1, 3},
		{"one two three four five six", 5, 5},
		{"市议会周二投票决定", -1, 5},
		{"市议会周二投票决定", 3, 3},
		{"iPhone发布会 today", -1, 4},
		{"", 5, 0},
	}
	for _, c := range cases {
		if got := CountWords(c.s, c.limit); got != c.want {
			t.Errorf("CountWords(%q, %d) = %d, want %d", c.s, c.limit, got, c.want)
		}
	}
}

// FuzzCountServiceWords holds the indexed count to its definition: the
// ServiceWords found as whole words in the text, and in a text with
// Chinese or Japanese letters the UnspacedServiceWords found anywhere.
func FuzzCountServiceWords(f *testing.F) {
	f.Add("we use cookies and consent to our privacy policy")
	f.Add("cookie cookies  privacy policy privacy")
	f.Fuzz(func(t *testing.T, s string) {
		folded := FoldPhrase(s)
		padded := " " + folded + " "
		want := 0
		for _, w := range ServiceWords {
			if strings.Contains(padded, " "+w+" ") {
				want++
			}
		}
		if strings.IndexFunc(folded, func(r rune) bool { return r >= 0x3000 && r < 0xA000 }) >= 0 {
			for _, w := range UnspacedServiceWords {
				if strings.Contains(folded, w) {
					want++
				}
			}
		}
		if got := CountServiceWords(folded); got != want {
			t.Errorf("CountServiceWords(%q) = %d, want %d", folded, got, want)
		}
	})
}

func TestHasPublishLabel(t *testing.T) {
	for _, s := range []string{"This entry was posted on Tuesday, ", "Dieser Eintrag wurde am ", "Cette entrée a été publiée le "} {
		if !HasPublishLabel(s) {
			t.Errorf("HasPublishLabel(%q) = false", s)
		}
	}
	for _, s := range []string{"The study, published on ", "Der Täter wurde am ", "Veröffentlicht am "} {
		if HasPublishLabel(s) {
			t.Errorf("HasPublishLabel(%q) = true", s)
		}
	}
}

// TestMonthNamesOneMonth checks that no month name, once folded, stands
// for two months across the tables a date is read with: a name added
// for one language must not misread another's.
func TestMonthNamesOneMonth(t *testing.T) {
	seen := make(map[string]int)
	for _, f := range append(monthFamilies[:], europeanNames) {
		for i, names := range f {
			for _, n := range names {
				folded := FoldPhrase(n)
				if m, ok := seen[folded]; ok && m != i+1 {
					t.Errorf("%q (%q) is month %d and %d", n, folded, m, i+1)
				}
				seen[folded] = i + 1
			}
		}
	}
}

func TestHasRightsNotice(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"2026 The Valley Courier. All rights reserved.", true},
		{"Copyright 2026 The Valley Courier", true},
		{"جميع الحقوق محفوظة لصحيفة الوادي 2026", true},
		{"Tous droits réservés", true},
		{"The court ruled on the copyright of the song on Monday.", true}, // a word: the caller looks only at a page's last words
		{"The copyrighted song", false},
		{"All rights are reserved for the members.", false},
		{"The bridge opened on Monday.", false},
	}
	for _, c := range cases {
		if got := HasRightsNotice(FoldPhrase(c.text)); got != c.want {
			t.Errorf("HasRightsNotice(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
