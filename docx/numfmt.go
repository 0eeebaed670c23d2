package docx

import (
	"strconv"
	"strings"
)

// formatNumber writes n in the list number format format (w:numFmt) as
// Word draws it. The Chinese counting formats Word, WPS and LibreOffice
// use for 一、 and （一） (chineseCounting, chineseCountingThousand and
// their Taiwanese and Japanese kin, which LibreOffice writes for
// "一, 二, 三, ...") count with 十, 百 and 千: 十, 十一, 二十, 一百零五;
// ideographDigital writes digit by digit (一〇); chineseLegalSimplified
// in the capitals of a cheque (壹拾贰). A format PlanDesk does not know
// is written in Arabic digits, as Word falls back too; so is a number
// past what a format has signs for.
func formatNumber(n int, format string) string {
	if n < 0 {
		n = 0
	}
	switch format {
	case "none":
		return ""
	case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
		"japaneseCounting", "koreanCounting":
		return counting(n, []rune("〇一二三四五六七八九"), []rune("十百千"))
	case "chineseLegalSimplified":
		return counting(n, []rune("零壹贰叁肆伍陆柒捌玖"), []rune("拾佰仟"))
	case "japaneseLegal", "koreanLegal":
		return counting(n, []rune("零壹貳參肆伍陸柒捌玖"), []rune("拾佰仟"))
	case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand", "koreanDigital":
		return strings.Map(func(r rune) rune { return []rune("〇一二三四五六七八九")[r-'0'] }, strconv.Itoa(n))
	case "decimalFullWidth", "decimalFullWidth2":
		return strings.Map(func(r rune) rune { return r - '0' + '０' }, strconv.Itoa(n))
	case "decimalZero":
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle":
		return enclosed(n)
	case "decimalEnclosedFullstop":
		return inRange(n, 1, 20, '⒈')
	case "decimalEnclosedParen":
		return inRange(n, 1, 20, '⑴')
	case "ideographTraditional":
		return cycle(n, []rune("甲乙丙丁戊己庚辛壬癸"))
	case "ideographZodiac":
		return cycle(n, []rune("子丑寅卯辰巳午未申酉戌亥"))
	case "upperLetter", "lowerLetter":
		return letters(n, format == "upperLetter")
	case "upperRoman", "lowerRoman":
		return roman(n, format == "upperRoman")
	}
	return strconv.Itoa(n)
}

// counting writes n with the digits and the signs for ten, a hundred and
// a thousand: 十 alone for ten, 十一, 二十, 一百零五 (零 for the zeros
// inside), 一千零一十; digit by digit past 9999.
func counting(n int, digits, tens []rune) string {
	if n == 0 {
		return string(digits[0])
	}
	if n > 9999 {
		return strings.Map(func(r rune) rune { return digits[r-'0'] }, strconv.Itoa(n))
	}
	var b []rune
	zero := false
	for place, unit := 3, 1000; place >= 0; place, unit = place-1, unit/10 {
		d := n / unit % 10
		switch {
		case d == 0:
			zero = len(b) > 0
		default:
			if zero {
				b = append(b, '零')
				zero = false
			}
			// Ten to nineteen are 十, 十一 …, not 一十, as a list counts.
			if !(d == 1 && place == 1 && len(b) == 0) {
				b = append(b, digits[d])
			}
			if place > 0 {
				b = append(b, tens[place-1])
			}
		}
	}
	return string(b)
}

// enclosed is n in a circle: ① … ⑳, ㉑ … ㉟, ㊱ … ㊿.
func enclosed(n int) string {
	switch {
	case n >= 1 && n <= 20:
		return string(rune('①' + n - 1))
	case n >= 21 && n <= 35:
		return string(rune('㉑' + n - 21))
	case n >= 36 && n <= 50:
		return string(rune('㊱' + n - 36))
	}
	return strconv.Itoa(n)
}

// inRange is the sign first+n-lo for n in lo…hi, else n in digits.
func inRange(n, lo, hi int, first rune) string {
	if n < lo || n > hi {
		return strconv.Itoa(n)
	}
	return string(first + rune(n-lo))
}

// cycle is the n-th of signs, which count round again past the last.
func cycle(n int, signs []rune) string {
	if n < 1 {
		return strconv.Itoa(n)
	}
	return string(signs[(n-1)%len(signs)])
}

// letters is n as Word's letter lists count: a … z, aa … zz, aaa ….
func letters(n int, upper bool) string {
	if n < 1 || n > 780 {
		return strconv.Itoa(n)
	}
	base := 'a'
	if upper {
		base = 'A'
	}
	return strings.Repeat(string(base+rune((n-1)%26)), (n-1)/26+1)
}

// roman is n in Roman numerals, up to 3999.
func roman(n int, upper bool) string {
	if n < 1 || n > 3999 {
		return strconv.Itoa(n)
	}
	values := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	signs := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range values {
		for ; n >= v; n -= v {
			b.WriteString(signs[i])
		}
	}
	if upper {
		return strings.ToUpper(b.String())
	}
	return b.String()
}
