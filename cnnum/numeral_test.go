package cnnum

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// numeralCases are the numbers written in Chinese numerals, with 千 as a
// scale and with 成, that ParseNumber reads or refuses.
var numeralCases = []numberCase{
	// Chinese numerals: the value, and the scale of a trailing 万, 亿 or 万亿.
	{in: "一百二十万", value: 120, scale: 1e4},
	{in: "一百二十万千瓦", value: 120, scale: 1e4, unit: "千瓦"},
	{in: "两千余家", q: More, value: 2000, scale: 1, unit: "家"},
	{in: "三千五百亩", value: 3500, scale: 1, unit: "亩"},
	{in: "十二个", value: 12, scale: 1, unit: "个"},
	{in: "一万二千人", value: 12000, scale: 1, unit: "人"},
	{in: "十", value: 10, scale: 1},
	{in: "十五", value: 15, scale: 1},
	{in: "二十", value: 20, scale: 1},
	{in: "一百一十五", value: 115, scale: 1},
	{in: "一百十五", value: 115, scale: 1},
	{in: "一百零五", value: 105, scale: 1},
	{in: "一千零五十", value: 1050, scale: 1},
	{in: "一千〇五", value: 1005, scale: 1},
	{in: "一万零五", value: 10005, scale: 1},
	{in: "十万", value: 10, scale: 1e4},
	{in: "三百万", value: 300, scale: 1e4},
	{in: "一亿二千万", value: 12000, scale: 1e4},
	{in: "一亿零五百万元", value: 10500, scale: 1e4, unit: "元"},
	{in: "一万亿", value: 1, scale: 1e12},
	{in: "三千万亿元", value: 3000, scale: 1e12, unit: "元"},
	{in: "一万二千亿", value: 12000, scale: 1e8},
	{in: "零", value: 0, scale: 1},
	{in: "两", value: 2, scale: 1},
	{in: "俩人", value: 2, scale: 1, unit: "人"},
	{in: "两万", value: 2, scale: 1e4},
	{in: "壹佰贰拾元", value: 120, scale: 1, unit: "元"},
	{in: "贰仟零伍拾万元", value: 2050, scale: 1e4, unit: "元"},
	{in: "五年", value: 5, scale: 1, unit: "年"},
	{in: "十二个月", value: 12, scale: 1, unit: "个月"},
	{in: "三人/十万人", value: 3, scale: 1, unit: "人/十万人"},
	{in: "三百千米", value: 300, scale: 1, unit: "千米"},
	// Decimals.
	{in: "零点五", value: 0.5, dec: 1, scale: 1},
	{in: "〇点五", value: 0.5, dec: 1, scale: 1},
	{in: "三点一四", value: 3.14, dec: 2, scale: 1},
	{in: "一百二十点五", value: 120.5, dec: 1, scale: 1},
	{in: "零点五万", value: 0.5, dec: 1, scale: 1e4},
	{in: "一点二亿元", value: 1.2, dec: 1, scale: 1e8, unit: "元"},
	{in: "一点五万亿", value: 1.5, dec: 1, scale: 1e12},
	// 〇 among digits.
	{in: "〇.5", value: 0.5, dec: 1, scale: 1},
	{in: "〇", value: 0, scale: 1},
	{in: "2〇25年", value: 2025, scale: 1, unit: "年"},
	// Qualifiers and 余 around numerals.
	{in: "约一百二十万人", q: About, value: 120, scale: 1e4, unit: "人"},
	{in: "一百二十万人左右", q: About, value: 120, scale: 1e4, unit: "人"},
	{in: "超过一百家", q: Over, value: 100, scale: 1, unit: "家"},
	{in: "不低于九十五", q: AtLeast, value: 95, scale: 1},
	{in: "达到三千亩以上", q: AtLeast, value: 3000, scale: 1, unit: "亩"},
	{in: "二十余万人", q: More, value: 20, scale: 1e4, unit: "人"},
	{in: "三百万余人", q: More, value: 300, scale: 1e4, unit: "人"},
	{in: "两千多个", q: More, value: 2000, scale: 1, unit: "个"},
	// Second numbers, names and ordinals.
	{in: "十三五", problem: NumberTwoNumbers},
	{in: "三五个", problem: NumberTwoNumbers},
	{in: "五到六", problem: NumberTwoNumbers},
	{in: "五至六万元", problem: NumberTwoNumbers},
	{in: "5到六", problem: NumberTwoNumbers},
	{in: "5元/人至六元/人", problem: NumberTwoNumbers},
	{in: "一带一路", problem: NumberTwoNumbers},
	{in: "二〇二五", problem: NumberTwoNumbers},
	{in: "零五", problem: NumberTwoNumbers},
	{in: "四川", problem: NumberMalformed},
	{in: "两会", problem: NumberMalformed},
	{in: "三农", problem: NumberMalformed},
	{in: "十堰", problem: NumberMalformed},
	{in: "第一", problem: NumberMalformed},
	{in: "第十二届", problem: NumberMalformed},
	// Numerals written wrongly.
	{in: "三千五", problem: NumberMalformed}, // spoken shorthand: 3500 or 3005?
	{in: "一万五", problem: NumberMalformed},
	{in: "百", problem: NumberMalformed},
	{in: "千万", problem: NumberMalformed},
	{in: "一万万", problem: NumberMalformed},
	{in: "三百五百", problem: NumberMalformed},
	{in: "二百一千", problem: NumberMalformed},
	{in: "一百零", problem: NumberMalformed},
	{in: "一万零亿", problem: NumberMalformed},
	{in: "一万点五", problem: NumberMalformed},
	{in: "五点", problem: NumberMalformed},
	{in: "一千万%", problem: NumberMalformed},
	{in: "零点" + strings.Repeat("五", 11), problem: NumberMalformed},
	{in: "-三", problem: NumberMalformed},
	// 千 after digits: a scale where it ends the number, else the unit's.
	{in: "3千", value: 3, scale: 1e3},
	{in: "1.5千", value: 1.5, dec: 1, scale: 1e3},
	{in: "3千余人", q: More, value: 3, scale: 1e3, unit: "人"},
	{in: "3千多个", q: More, value: 3, scale: 1e3, unit: "个"},
	{in: "3千以上", q: AtLeast, value: 3, scale: 1e3},
	{in: "约3千", q: About, value: 3, scale: 1e3},
	{in: "3 千", value: 3, scale: 1e3},
	{in: "3千人", value: 3, scale: 1, unit: "千人"},
	{in: "5千瓦", value: 5, scale: 1, unit: "千瓦"},
	{in: "3千万", value: 3, scale: 1e7},
	{in: "3千%", problem: NumberMalformed},
	{in: "3千余%", problem: NumberMalformed},
	{in: "3千", rule: numShare, problem: NumberShareOver100},
	// 成: tenths, read as percent.
	{in: "三成", value: 30, scale: 1, unit: "%"},
	{in: "2成", value: 20, scale: 1, unit: "%"},
	{in: "五成以上", q: AtLeast, value: 50, scale: 1, unit: "%"},
	{in: "近四成", q: About, value: 40, scale: 1, unit: "%"},
	{in: "三成左右", q: About, value: 30, scale: 1, unit: "%"},
	{in: "三成多", q: More, value: 30, scale: 1, unit: "%"},
	{in: "2.5成", value: 25, scale: 1, unit: "%"},
	{in: "0.35成", value: 3.5, dec: 1, scale: 1, unit: "%"},
	{in: "零点三成", value: 3, scale: 1, unit: "%"},
	{in: "十成", rule: numShare, value: 100, scale: 1, unit: "%"},
	{in: "十一成", value: 110, scale: 1, unit: "%"},
	{in: "十一成", rule: numShare, problem: NumberShareOver100},
	{in: "超十成", rule: numShare, problem: NumberShareOver100},
	{in: "3成员", value: 3, scale: 1, unit: "成员"},
	{in: "三成人", problem: NumberMalformed},
	{in: "三成多人", problem: NumberMalformed},
}

func TestParseNumberNumerals(t *testing.T) { checkNumberCases(t, numeralCases) }

func TestNumeralFormat(t *testing.T) {
	for in, want := range map[string]string{
		"一百二十万":  "120万",
		"两千余家":   "2000余家",
		"一万二千人":  "12000人",
		"二十余万人":  "20万余人",
		"零点五":    "0.5",
		"三成":     "30%",
		"近四成":    "约40%",
		"五成以上":   "50%以上",
		"3千":     "3千",
		"3千余人":   "3千余人",
		"约3千":    "约3千",
		"1.5千以下": "1.5千以下",
		"一点二亿元":  "1.2亿元",
		"一万二千亿":  "12000亿",
		"壹佰贰拾元":  "120元",
		"〇.5":    "0.5",
		"三人/十万人": "3人/十万人",
	} {
		n, err := ParseNumber(in, NumberRule{})
		if err != nil {
			t.Errorf("ParseNumber(%q): %v", in, err)
			continue
		}
		if got := n.Format(); got != want {
			t.Errorf("ParseNumber(%q).Format() = %q, want %q", in, got, want)
		}
	}
	// A 千 scale before a unit would read back as the unit's (3千人 is 3
	// 千人), so Format writes such a number out in full.
	if got := (Number{Value: 3.5, Decimals: 1, Scale: 1e3, Unit: "人"}).Format(); got != "3500.0人" {
		t.Errorf("3.5千 人 formats to %q", got)
	}
}

func TestNumeralEqual(t *testing.T) {
	for _, pair := range [][2]string{
		{"一百二十万", "120万"},
		{"一万二千人", "1.2万人"},
		{"三成", "30%"},
		{"3千", "3000"},
		{"壹佰贰拾", "一百二十"},
		{"一万亿", "1万亿"},
	} {
		a, errA := ParseNumber(pair[0], NumberRule{})
		b, errB := ParseNumber(pair[1], NumberRule{})
		if errA != nil || errB != nil || !a.Equal(b) {
			t.Errorf("%q and %q are not Equal (%v, %v)", pair[0], pair[1], errA, errB)
		}
	}
}

// numeralTokens are the pieces TestParseNumeralTokenRoundTrip strings
// together, as numberTokens are for digits: numerals, their places and
// groups, 点, 成, 千 and what may stand around them.
var numeralTokens = []string{
	"约", "近", "超过", "不低于", "达到", "一", "二", "两", "三", "五", "九", "十", "百", "千", "万", "亿",
	"零", "〇", "点", "壹", "拾", "佰", "成", "余", "多", "3", "5", "0", ".", "个", "家", "人", "元", "亩", "千瓦",
	"%", "/", "左右", "以上", "以下", " ", "至", "四川",
}

func TestParseNumeralTokenRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4)) // fixed, so a failure reproduces
	accepted := 0
	for range 200000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(numeralTokens[rng.IntN(len(numeralTokens))])
		}
		for _, rule := range []NumberRule{{}, numShare} {
			n, err := ParseNumber(b.String(), rule)
			if err != nil {
				continue
			}
			accepted++
			checkNumberRoundTrip(t, n, rule)
		}
		if t.Failed() {
			return
		}
	}
	t.Logf("%d of 400000 parses accepted and round-tripped", accepted)
	if accepted < 1000 {
		t.Errorf("only %d combinations parsed; the test checks too little", accepted)
	}
}

// TestNumeralShortcuts: the shortcuts that keep digits fast agree with the
// numeral table. numeralCounts repeats part of it as one switch,
// ParseNumber sends only lead bytes 0xE3 … 0xE9 to the numeral reader, and
// numSecond looks for numerals only between 〇 and 零.
func TestNumeralShortcuts(t *testing.T) {
	for r := rune(0); r <= 0xFFFF; r++ {
		k, v := numeral(r)
		if want := k == numeralDigit || k == numeralZero || k == numeralPlace && v == 10; numeralCounts(r) != want {
			t.Errorf("numeralCounts(%q) = %v, numeral says %v", r, !want, want)
		}
		if k == numeralNone {
			continue
		}
		if lead := string(r)[0]; lead < 0xE3 || lead > 0xE9 {
			t.Errorf("%q starts with byte %#x, which ParseNumber does not send to the numeral reader", r, lead)
		}
		if r < '〇' || r > '零' {
			t.Errorf("%q lies outside 〇 … 零, where numSecond looks", r)
		}
	}
}
