package fetch_test

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	japaneseenc "golang.org/x/text/encoding/japanese"
	koreanenc "golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/refeed/refeed/fetch"
)

// arabic is a line of Iraqi news copy; every character exists in both
// windows-1256 and ISO-8859-6.
const arabic = "بغداد - قال مسؤولون عراقيون إن الانتخابات ستجري في موعدها، وأكدوا أن المفوضية جاهزة؟"

// french has the accented letters windows-1256 shares with windows-1252.
const french = "Le ministère a annoncé à Bagdad que l'élection aura lieu à la date prévue, déclaré même après la grève."

func encode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

func htmlDoc(head, body string) string {
	return "<!DOCTYPE html><html><head>" + head + "<title>t</title></head><body><p>" + body + "</p></body></html>"
}

func TestDecode(t *testing.T) {
	w1256 := charmap.Windows1256
	iso6 := charmap.ISO8859_6
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	plain := htmlDoc("", arabic)
	tests := []struct {
		name        string
		body        []byte
		contentType string
		forced      string
		wantCharset string
		want        string // substring the decoded text must contain
	}{
		{"utf-8 undeclared", []byte(plain), "text/html", "", "utf-8", arabic},
		{"windows-1256 from header", encode(t, w1256, plain), "text/html; charset=windows-1256", "", "windows-1256", arabic},
		{"cp1256 label", encode(t, w1256, plain), "text/html; charset=CP1256", "", "windows-1256", arabic},
		{"iso-8859-6 from header", encode(t, iso6, plain), "text/html; charset=ISO-8859-6", "", "iso-8859-6", arabic},
		{"windows-1256 from meta charset", encode(t, w1256, htmlDoc(`<meta charset="windows-1256">`, arabic)), "text/html", "", "windows-1256", arabic},
		{"iso-8859-6 from meta http-equiv", encode(t, iso6, htmlDoc(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-6">`, arabic)), "text/html", "", "iso-8859-6", arabic},
		{"header wins over meta", encode(t, w1256, htmlDoc(`<meta charset="utf-8">`, arabic)), "text/html; charset=windows-1256", "", "windows-1256", arabic},
		{"utf-16le bom wins over header", encode(t, utf16le, plain), "text/html; charset=windows-1256", "", "utf-16le", arabic},
		{"utf-16be bom", encode(t, utf16be, plain), "text/html", "", "utf-16be", arabic},
		{"utf-8 bom wins over header", append([]byte("\xEF\xBB\xBF"), plain...), "text/html; charset=windows-1256", "", "utf-8", arabic},
		{"bom wins over forced", encode(t, utf16le, plain), "", "windows-1256", "utf-16le", arabic},
		{"forced wins over header and meta", encode(t, iso6, htmlDoc(`<meta charset="windows-1256">`, arabic)), "text/html; charset=windows-1256", "ISO-8859-6", "iso-8859-6", arabic},
		{"iso-8859-1 label means windows-1252", encode(t, charmap.Windows1252, htmlDoc("", french)), "text/html; charset=iso-8859-1", "", "windows-1252", french},
		{"meta utf-16 without bom means utf-8", []byte(htmlDoc(`<meta charset="utf-16">`, arabic)), "text/html", "", "utf-8", arabic},
		{"numeric references survive", encode(t, w1256, htmlDoc(`<meta charset="windows-1256">`, "العدد &#1633;&#1634;&#1635; &#x664;")), "", "", "windows-1256", "العدد &#1633;&#1634;&#1635; &#x664;"},
		{"invalid utf-8 becomes U+FFFD", []byte("<p>ok \xff\xfe bad</p>"), "text/html; charset=utf-8", "", "utf-8", "ok \uFFFD\uFFFD bad"},
		{"undeclared windows-1256 is sniffed", encode(t, w1256, plain), "text/html", "", "windows-1256", arabic},
		{"undeclared iso-8859-6 is sniffed", encode(t, iso6, plain), "", "", "iso-8859-6", arabic},
		{"undeclared windows-1252 is sniffed", encode(t, charmap.Windows1252, htmlDoc("", french)), "text/html", "", "windows-1252", french},
		{"utf-8 with a stray legacy snippet stays utf-8", append([]byte(plain), encode(t, w1256, "<p>تم</p>")...), "text/html", "", "utf-8", arabic},
		{"undeclared persian windows-1256 is sniffed", encode(t, w1256, htmlDoc("", "گزارش پايتخت چهارشنبه")), "", "", "windows-1256", "گزارش پايتخت چهارشنبه"},
		{"undeclared short arabic title", encode(t, w1256, "<title>أخبار العراق</title>"), "", "", "windows-1256", "أخبار العراق"},
		{"undeclared german is windows-1252", encode(t, charmap.Windows1252, "<p>Die Größe der Straße in München</p>"), "", "", "windows-1252", "Größe der Straße in München"},
		{"unknown header charset falls through to meta", encode(t, w1256, htmlDoc(`<meta charset="windows-1256">`, arabic)), "text/html; charset=x-bogus", "", "windows-1256", arabic},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cs := fetch.Decode(tt.body, tt.contentType, tt.forced)
			if cs != tt.wantCharset {
				t.Errorf("charset = %q, want %q", cs, tt.wantCharset)
			}
			if !utf8.Valid(got) {
				t.Fatalf("output is not valid UTF-8")
			}
			if !bytes.Contains(got, []byte(tt.want)) {
				t.Errorf("decoded text lacks %q:\n%s", tt.want, got)
			}
			if bytes.HasPrefix(got, []byte("\uFEFF")) {
				t.Errorf("decoded text starts with a byte order mark")
			}
		})
	}
}

func TestDecodeXML(t *testing.T) {
	w1256 := charmap.Windows1256
	feed := func(decl, title string) string {
		return decl + `<rss version="2.0"><channel><title>` + title + `</title></channel></rss>`
	}
	tests := []struct {
		name        string
		body        []byte
		contentType string
		wantCharset string
		wantPrefix  string
	}{
		{"declaration windows-1256", encode(t, w1256, feed(`<?xml version="1.0" encoding="windows-1256"?>`, arabic)),
			"application/rss+xml", "windows-1256", `<?xml version="1.0" encoding="UTF-8"?>`},
		{"single quotes", encode(t, w1256, feed(`<?xml version='1.0' encoding='windows-1256'?>`, arabic)),
			"text/xml", "windows-1256", `<?xml version='1.0' encoding="UTF-8"?>`},
		{"header wins over declaration", encode(t, w1256, feed(`<?xml version="1.0" encoding="iso-8859-6"?>`, arabic)),
			"application/xml; charset=windows-1256", "windows-1256", `<?xml version="1.0" encoding="UTF-8"?>`},
		{"no declaration is utf-8", []byte(feed(`<?xml version="1.0"?>`, arabic)), "", "utf-8", `<?xml version="1.0"?>`},
		{"utf-8 declaration untouched", []byte(feed(`<?xml version="1.0" encoding="utf-8"?>`, arabic)), "", "utf-8", `<?xml version="1.0" encoding="utf-8"?>`},
		{"utf-16 bom with declaration", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), feed(`<?xml version="1.0" encoding="UTF-16"?>`, arabic)),
			"", "utf-16le", `<?xml version="1.0" encoding="UTF-8"?>`},
		{"meta inside cdata is not a declaration", encode(t, w1256, feed(`<?xml version="1.0" encoding="windows-1256"?>`, `<![CDATA[<meta charset="utf-8">]]>`+arabic)),
			"", "windows-1256", `<?xml version="1.0" encoding="UTF-8"?>`},
		{"undeclared legacy feed is sniffed", encode(t, w1256, feed("", arabic)), "application/rss+xml", "windows-1256", `<rss`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cs := fetch.Decode(tt.body, tt.contentType, "")
			if cs != tt.wantCharset {
				t.Errorf("charset = %q, want %q", cs, tt.wantCharset)
			}
			if !strings.HasPrefix(string(got), tt.wantPrefix) {
				t.Errorf("decoded text = %.80q, want prefix %q", got, tt.wantPrefix)
			}
			if !bytes.Contains(got, []byte(arabic)) {
				t.Errorf("decoded text lacks the Arabic title:\n%s", got)
			}
		})
	}
}

// TestSniffMargins checks that the right charset wins the sniff by a clear
// margin, not by a tie-break.
func TestSniffMargins(t *testing.T) {
	text := strings.Repeat(arabic+" ", 3)
	for _, tt := range []struct {
		name string
		cm   *charmap.Charmap
	}{{"windows-1256", charmap.Windows1256}, {"iso-8859-6", charmap.ISO8859_6}} {
		b := encode(t, tt.cm, text)
		right := fetch.Plausibility(b, tt.name)
		for _, other := range []string{"windows-1252", "windows-1256", "iso-8859-6"} {
			if other == tt.name {
				continue
			}
			if wrong := fetch.Plausibility(b, other); wrong >= right/2 {
				t.Errorf("%s text: score %d for %s is too close to %d", tt.name, wrong, other, right)
			}
		}
	}
}

// TestDecodeUndeclaredRealPages sniffs a real Arabic page in both legacy
// charsets with no declaration anywhere.
func TestDecodeUndeclaredRealPages(t *testing.T) {
	const title = "معارضون يسيطرون على مخازن للصواريخ بريف دمشق"
	for _, name := range []string{"windows-1256", "iso-8859-6"} {
		t.Run(name, func(t *testing.T) {
			body := mustRead(t, filepath.Join("testdata", "cnn-arabic", name+".html"))
			got, cs := fetch.Decode(body, "text/html", "")
			if cs != name {
				t.Errorf("charset = %q, want %q", cs, name)
			}
			if !strings.Contains(string(got), title) {
				t.Errorf("decoded page lacks the title %q", title)
			}
		})
	}
}

// TestDecodeUndeclaredOtherScripts decodes pages that declare no charset
// anywhere (a header-only charset lost when the page was saved) in the
// legacy charsets of other scripts. Each must come back as its own text,
// not as windows-1252 mojibake; the Arabic and Latin guesses stay ours.
func TestDecodeUndeclaredOtherScripts(t *testing.T) {
	const (
		russian   = "Правительство России объявило в понедельник о новых мерах поддержки экономики. По словам министра финансов, расходы бюджета вырастут на пять процентов в следующем году, а налоги для малого бизнеса останутся прежними."
		ukrainian = "Уряд України ухвалив рішення про підтримку малого бізнесу. Міністр економіки заявив, що програма діятиме до кінця наступного року і охопить усі області країни."
		chinese   = "新华社北京12月6日电 国务院总理周一主持召开国务院常务会议，部署进一步稳定经济增长的措施。会议指出，要加大对中小企业的支持力度，保持就业形势总体稳定。"
		taiwanese = "中央社台北6日電 行政院長今天主持院會，通過明年度中央政府總預算案，總歲出規模創下新高。院長表示，政府將持續推動經濟發展與社會福利政策。"
		japanese  = "政府は6日、臨時閣議を開き、経済対策を盛り込んだ補正予算案を決定した。首相は記者団に対し、物価高に苦しむ家計を支援するため、迅速に実行したいと述べた。"
		korean    = "정부는 6일 국무회의를 열고 내년도 예산안을 의결했다. 기획재정부 장관은 경제 회복을 위해 중소기업 지원을 확대하겠다고 밝혔다."
		greek     = "Η κυβέρνηση ανακοίνωσε τη Δευτέρα νέα μέτρα στήριξης της οικονομίας. Σύμφωνα με τον υπουργό Οικονομικών, οι δαπάνες του προϋπολογισμού θα αυξηθούν κατά πέντε τοις εκατό."
		czech     = "Vláda v pondělí schválila nová opatření na podporu ekonomiky. Podle ministra financí vzrostou výdaje rozpočtu příští rok o pět procent, zatímco daně pro malé podniky zůstanou stejné."
		polish    = "Rząd ogłosił w poniedziałek nowe środki wsparcia gospodarki. Według ministra finansów wydatki budżetu wzrosną w przyszłym roku o pięć procent, a podatki dla małych firm pozostaną bez zmian."
		turkish   = "Hükümet pazartesi günü ekonomiyi desteklemek için yeni önlemler açıkladı. Maliye bakanına göre bütçe harcamaları gelecek yıl yüzde beş artacak, küçük işletmeler için vergiler ise değişmeyecek."
		hebrew    = "הממשלה הודיעה ביום שני על צעדים חדשים לתמיכה בכלכלה. לדברי שר האוצר, הוצאות התקציב יגדלו בחמישה אחוזים בשנה הבאה, והמסים לעסקים קטנים יישארו ללא שינוי."
		german    = "Die Regierung hat am Montag neue Maßnahmen zur Unterstützung der Wirtschaft angekündigt. Laut dem Finanzminister steigen die Ausgaben im nächsten Jahr um fünf Prozent, die Steuern für kleine Unternehmen bleiben gleich."
	)
	for _, tt := range []struct {
		name, text string
		enc        encoding.Encoding
		want       []string // acceptable charset names (a superset may decode the text alike)
	}{
		{"russian windows-1251", russian, charmap.Windows1251, []string{"windows-1251"}},
		{"russian koi8-r", russian, charmap.KOI8R, []string{"koi8-r"}},
		{"ukrainian windows-1251", ukrainian, charmap.Windows1251, []string{"windows-1251"}},
		{"chinese gbk", chinese, simplifiedchinese.GBK, []string{"gb18030", "gbk"}},
		{"chinese big5", taiwanese, traditionalchinese.Big5, []string{"big5"}},
		{"japanese shift_jis", japanese, japaneseenc.ShiftJIS, []string{"shift_jis"}},
		{"japanese euc-jp", japanese, japaneseenc.EUCJP, []string{"euc-jp"}},
		{"korean euc-kr", korean, koreanenc.EUCKR, []string{"euc-kr"}},
		{"greek iso-8859-7", greek, charmap.ISO8859_7, []string{"iso-8859-7"}},
		{"czech windows-1250", czech, charmap.Windows1250, []string{"windows-1250", "iso-8859-2"}},
		{"polish iso-8859-2", polish, charmap.ISO8859_2, []string{"iso-8859-2"}},
		{"turkish windows-1254", turkish, charmap.Windows1254, []string{"windows-1254"}},
		{"hebrew windows-1255", hebrew, charmap.Windows1255, []string{"windows-1255", "iso-8859-8", "iso-8859-8-i"}},
		{"german windows-1252", german, charmap.Windows1252, []string{"windows-1252"}},
		{"french windows-1252", french, charmap.Windows1252, []string{"windows-1252"}},
		{"arabic windows-1256", arabic, charmap.Windows1256, []string{"windows-1256"}},
		{"arabic iso-8859-6", arabic, charmap.ISO8859_6, []string{"iso-8859-6"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			page := htmlDoc("", strings.Repeat(tt.text+"</p><p>", 3))
			got, cs := fetch.Decode(encode(t, tt.enc, page), "text/html", "")
			if !slices.Contains(tt.want, cs) {
				t.Errorf("charset = %q, want one of %q", cs, tt.want)
			}
			if !strings.Contains(string(got), tt.text) {
				t.Errorf("decoded page lacks its text; got %.200q", got)
			}
		})
	}
}
