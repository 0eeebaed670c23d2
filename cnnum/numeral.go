package cnnum

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// numeralKind says what part a character plays in a number written in
// Chinese numerals (一百二十万, 三千五百, 零点五).
type numeralKind uint8

const (
	numeralNone  numeralKind = iota // not a numeral character
	numeralDigit                    // 一 … 九, 两, 俩 and the financial 壹 … 玖
	numeralZero                     // 零 or 〇: the digit 0, or a place left out (一百零五)
	numeralPlace                    // 十, 百, 千 (拾, 佰, 仟): a place within a group of four
	numeralBig                      // 万, 亿 (萬, 億): a group of four places
	numeralPoint                    // 点: the decimal point
)

// numeral classifies r and gives its value: the digit, the place (10, 100,
// 1000) or the group (1e4, 1e8). A switch rather than a map keeps the
// table constant and costs no allocation.
func numeral(r rune) (numeralKind, int64) {
	switch r {
	case '零', '〇':
		return numeralZero, 0
	case '一', '壹':
		return numeralDigit, 1
	case '二', '两', '俩', '贰', '貳', '兩', '倆':
		return numeralDigit, 2
	case '三', '叁', '叄':
		return numeralDigit, 3
	case '四', '肆':
		return numeralDigit, 4
	case '五', '伍':
		return numeralDigit, 5
	case '六', '陆', '陸':
		return numeralDigit, 6
	case '七', '柒':
		return numeralDigit, 7
	case '八', '捌':
		return numeralDigit, 8
	case '九', '玖':
		return numeralDigit, 9
	case '十', '拾':
		return numeralPlace, 10
	case '百', '佰':
		return numeralPlace, 100
	case '千', '仟':
		return numeralPlace, 1000
	case '万', '萬':
		return numeralBig, 1e4
	case '亿', '億':
		return numeralBig, 1e8
	case '点':
		return numeralPoint, 0
	}
	return numeralNone, 0
}

// numeralCounts reports whether r, met after a number, starts a second one:
// a digit, a zero or 十, the characters numeral calls numeralDigit,
// numeralZero or 10. 百, 千, 万 and 亿 do not, since units begin with them
// (百分点, 千米, 万元). It is numeral's table again, as one switch, because
// it runs on every character of every unit.
func numeralCounts(r rune) bool {
	switch r {
	case '零', '〇', '一', '壹', '二', '两', '俩', '贰', '貳', '兩', '倆', '三', '叁', '叄',
		'四', '肆', '五', '伍', '六', '陆', '陸', '七', '柒', '八', '捌', '九', '玖', '十', '拾':
		return true
	}
	return false
}

// numeralIsPart reports whether r is any character of a Chinese numeral.
func numeralIsPart(r rune) bool {
	k, _ := numeral(r)
	return k != numeralNone
}

// numeralStep is what reading one more character does to a numeral.
type numeralStep uint8

const (
	numeralGo   numeralStep = iota // the character belongs to the numeral
	numeralStop                    // the numeral ended before it; the rest is read as unit
	numeralFail                    // the numeral is written wrongly
)

// numeralState is a numeral read so far, as whole numbers so that no
// rounding creeps in before the one conversion to float64. The largest
// numeral it accepts (九千九百九十九万亿 and the groups below) is under
// 1e16, far inside int64.
type numeralState struct {
	total   int64 // the groups closed by 万, 亿 or 万亿
	section int64 // the group being read, below 1e4
	digit   int64 // the digit read but not yet given a place; -1 when none
	place   int64 // the last place word of the group (10, 100, 1000); 0 when none
	big     int64 // the last group word (1e4, 1e8, 1e12); 0 when none
	bigs    int   // how many group words were read, so 万亿 joins only a first 万
	zero    bool  // 零 written since the last place word
	read    bool  // anything read at all
	endsBig bool  // the last character read was a group word
}

// add reads one character of kind k and value v.
func (st *numeralState) add(k numeralKind, v int64) numeralStep {
	switch k {
	case numeralDigit:
		if st.digit >= 0 {
			return numeralStop // 三五, 十三五: a second number, not a longer one
		}
		st.digit = v
	case numeralZero:
		if st.digit >= 0 {
			return numeralStop
		}
		if !st.read {
			st.digit = 0 // 零 alone, or 零点五
		} else {
			st.zero = true
		}
	case numeralPlace:
		return st.addPlace(v)
	case numeralBig:
		return st.addBig(v)
	default:
		return numeralStop
	}
	st.read, st.endsBig = true, false
	return numeralGo
}

// addPlace reads 十, 百 or 千. The places of a group must fall (一千二百,
// not 二百一千); 十 alone stands for 一十 (十五, 一百十五).
func (st *numeralState) addPlace(p int64) numeralStep {
	if st.digit < 0 && p != 10 {
		if st.read {
			return numeralStop // 百 or 千 with no digit starts the unit: 一百二十万千瓦, 三百千米
		}
		return numeralFail
	}
	if st.place != 0 && p >= st.place || st.digit == 0 { // 二百一千, 零百
		return numeralFail
	}
	if st.digit > 0 {
		st.section += st.digit * p
	} else {
		st.section += 10
	}
	st.digit, st.place, st.zero = -1, p, false
	st.read, st.endsBig = true, false
	return numeralGo
}

// addBig reads 万 or 亿, closing the group before it. 亿 after a first 万
// multiplies all read so far: 一万亿 is the one word 万亿 (1e12), 一万二千亿
// is 12000 × 1e8.
func (st *numeralState) addBig(b int64) numeralStep {
	if !st.flushDigit() {
		return numeralFail
	}
	if b == 1e8 && st.big == 1e4 && st.bigs == 1 {
		st.total = (st.total + st.section) * 1e8
		if !st.endsBig {
			st.big = 1e8
		} else {
			st.big = 1e12
		}
	} else {
		if st.section == 0 || st.big != 0 && b >= st.big {
			return numeralFail // 零万, 一万万, 一亿二万亿
		}
		st.total += st.section * b
		st.big = b
	}
	st.section, st.place, st.zero = 0, 0, false
	st.endsBig = true
	st.bigs++
	return numeralGo
}

// flushDigit gives a pending digit its place as the units digit. It must
// stand where units can: alone, after 十, or after 零 (一百零五, 一万零五).
// After 百, 千 or 万 it would be the spoken shorthand 三千五 (3500) or 一万五
// (15000), which is not read: written out it is 三千五百, and guessing
// could turn 3005 into 3500.
func (st *numeralState) flushDigit() bool {
	if st.digit < 0 {
		return !st.zero // a 零 must be followed by a digit
	}
	if !st.zero && st.place != 10 && (st.place != 0 || st.big != 0) {
		return false
	}
	st.section += st.digit
	st.digit, st.zero = -1, false
	return true
}

// chinese reads a number written in Chinese numerals: 一百二十万, 两千,
// 三千五百, 十二, 一万二千, 零点五, 一点二亿, 壹佰贰拾. It fills n's Value,
// Decimals and Scale: a numeral that ends with 万, 亿 or 万亿 keeps that
// word as its scale (一百二十万 is 120 × 1e4, as 120万 is), any other has
// scale 1 (一万二千 is 12000).
func (sc *numScanner) chinese(n *Number) NumberProblem {
	n.Scale = 1
	st := numeralState{digit: -1}
	for {
		r, size := sc.peek()
		k, v := numeral(r)
		if k == numeralPoint {
			return sc.chineseFraction(n, &st)
		}
		step := st.add(k, v)
		if step == numeralFail {
			return NumberMalformed
		}
		if step == numeralStop {
			break
		}
		sc.i += size
	}
	if st.endsBig {
		n.Scale = float64(st.big)
		n.Value = float64(st.total / st.big)
		return 0
	}
	if !st.flushDigit() {
		return NumberMalformed
	}
	n.Value = float64(st.total + st.section)
	return 0
}

// chineseFraction reads 点 and the digits after it into n, then an optional 万,
// 亿 or 万亿 (一点二亿). The integer part must have no group word of its
// own: 一万点五 is no way to write 10000.5.
func (sc *numScanner) chineseFraction(n *Number, st *numeralState) NumberProblem {
	point := sc.i
	if st.big != 0 || !st.flushDigit() {
		return NumberMalformed
	}
	sc.i += len("点")
	var buf [40]byte
	b := strconv.AppendInt(buf[:0], st.section, 10)
	b = append(b, '.')
	for {
		r, size := sc.peek()
		k, v := numeral(r)
		if k != numeralDigit && k != numeralZero {
			break
		}
		b = append(b, byte('0'+v))
		n.Decimals++
		sc.i += size
		if n.Decimals > numMaxDecimals {
			return NumberMalformed
		}
	}
	if n.Decimals == 0 {
		sc.i = point // 五点 is five o'clock: the 点 is left to the unit
		n.Value = float64(st.section)
		return 0
	}
	n.Value, _ = strconv.ParseFloat(string(b), 64) // digits and one point: always valid
	if r, size := sc.peek(); r == '万' || r == '萬' {
		sc.i += size
		n.Scale = 1e4
		if r, size := sc.peek(); r == '亿' || r == '億' {
			sc.i += size
			n.Scale = 1e12
		}
	} else if r == '亿' || r == '億' {
		sc.i += size
		n.Scale = 1e8
	}
	return 0
}

// numeralStart reports whether the text at sc.i is a Chinese numeral
// rather than digits: it starts with a numeral digit or 十, or with 零 or
// 〇 followed by another numeral character (〇点五). 〇 before digits or
// alone is the digit zero of an ordinary number (〇.5).
func (sc *numScanner) numeralStart() bool {
	r, size := sc.peek()
	k, v := numeral(r)
	switch {
	case k == numeralDigit, k == numeralPlace && v == 10, r == '零':
		return true
	case r != '〇':
		return false
	}
	next := numScanner{s: sc.s, i: sc.i + size}
	r, _ = next.peek()
	k, _ = numeral(r)
	return k != numeralNone
}

// numMeasures are the units a number in Chinese numerals may carry, each
// a word the unit begins with. Digits followed by any Chinese word are
// read as a number with a unit ("5农"), but a numeral followed by one is
// far more often a name: 四川, 三亚, 两会, 三农, 十堰. The list is never
// modified.
var numMeasures = []string{
	"个", "家", "人", "名", "位", "户", "元", "美元", "亩", "公顷", "平方",
	"公里", "千米", "米", "吨", "千克", "公斤", "斤", "克", "千瓦", "瓦",
	"升", "立方米", "辆", "台", "套", "间", "张", "件", "处", "所", "座",
	"条", "项", "场", "栋", "幢", "层", "次", "批", "年", "月", "天", "日",
	"周", "岁", "倍", "种", "类", "期", "届", "块", "片", "部", "本", "支",
	"只", "头", "株", "棵", "床", "轮", "分钟", "小时", "度", "标准",
}

// numMeasure reports whether unit may follow a number in Chinese
// numerals: it starts with a measure word or unit of numMeasures, or it is
// a percent or a unit sign (℃, ㎡).
func numMeasure(unit string) bool {
	if unit == "" || numIsPercent(unit) {
		return true
	}
	for _, w := range numMeasures {
		if strings.HasPrefix(unit, w) {
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(unit)
	return r == '°' || r == '℃' || r == '℉' || '\u3380' <= r && r <= '\u33FF'
}

// numTimesTen turns a value written in 成 (tenths) into percent: 3 → 30,
// 2.5 → 25 with one decimal less. It moves the decimal point in the
// written digits rather than multiplying, so 0.3成 is exactly 3, not
// 3.0000000000000004.
func numTimesTen(v float64, decimals int) (float64, int, bool) {
	if decimals == 0 {
		v *= 10
		return v, 0, math.Abs(v) < numMaxValue
	}
	var buf [64]byte
	b := strconv.AppendFloat(buf[:0], v, 'f', decimals, 64)
	p := bytes.IndexByte(b, '.')
	b[p], b[p+1] = b[p+1], b[p]
	if p+2 == len(b) {
		b = b[:p+1] // the point now ends the digits: drop it
	}
	v, err := strconv.ParseFloat(string(b), 64)
	return v, decimals - 1, err == nil && math.Abs(v) < numMaxValue
}
