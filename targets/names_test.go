package targets

import "testing"

// TestNormaliseSetsAsideWhatDoesNotChangeTheMeasure: each pair names one
// indicator as a plan's table and a report write it.
func TestNormaliseSetsAsideWhatDoesNotChangeTheMeasure(t *testing.T) {
	same := [][2]string{
		{"ＧＤＰ增长", "gdp增长"},                            // full width and case
		{"数字经济 核心产业", "数字经济核心产业"},                     // spaces
		{"“双百”目标完成率", "双百目标完成率"},                      // punctuation
		{"数字经济核心产业增加值占GDP比重", "数字经济核心产业增加值占地区生产总值比重"}, // 占GDP比重
		{"数字经济核心产业增加值占比", "数字经济核心产业增加值占地区生产总值的比重"},    // 占比
		{"数字经济核心产业增加值比重", "数字经济核心产业增加值占比"},            // 比重
		{"地区生产总值年均增长", "地区生产总值增长"},                    // 年均增长
		{"地区生产总值增速", "GDP增长率"},                        // 增速, 增长率
		{"全区规划路网建成率", "规划路网建成率"},                      // place
		{"全市常住人口", "常住人口"},                            //
		{"地区生产总值（亿元）", "地区生产总值"},                      // a unit in brackets
		{"国内生产总值（GDP）增长", "国内生产总值增长"},                 // a note in brackets
		{"其中：数字经济核心产业增加值", "数字经济核心产业增加值"},             // 其中
		{"1.研发经费投入强度", "研发经费投入强度"},                    // a list number
		{"③研发经费投入强度", "研发经费投入强度"},                     //
		{"R&D经费投入强度", "研发经费投入强度"},                     // R&D
		{"研究与试验发展经费投入强度", "研发经费投入强度"},                 //
		{"单位地区生产总值能源消耗降低", "单位GDP能耗下降"},               // 能耗, 下降
		{"高新技术企业数量", "高新技术企业"},                        // a count word
		{"城镇新增就业人数", "城镇新增就业"},                        //
		{"高新技术企业数", "高新技术企业"},                         //
		{"国家级高新技术企业总数", "国家级高新技术企业"},                  //
	}
	for _, p := range same {
		if a, b := normalise(p[0]), normalise(p[1]); a != b {
			t.Errorf("%s → %s, %s → %s: should be the same", p[0], a, p[1], b)
		}
	}
	differ := [][2]string{
		{"绿地覆盖率", "绿化覆盖率"},
		{"居民消费价格指数", "居民消费价格"}, // 指数 is no count word
		{"空气质量优良天数", "空气质量优良"}, // nor 天数
		{"新增就业", "新增就"},
	}
	for _, p := range differ {
		if a, b := normalise(p[0]), normalise(p[1]); a == b {
			t.Errorf("%s and %s both → %s", p[0], p[1], a)
		}
	}
}

func TestUnitFromName(t *testing.T) {
	for name, want := range map[string]string{
		"地区生产总值（亿元）":       "亿元",
		"常住人口城镇化率(%)":      "%",
		"人均可支配收入（元/人）":     "元/人",
		"城镇新增就业[万人]":       "万人",
		"国内生产总值（GDP）":      "",
		"城镇化率（新口径）":        "",
		"细颗粒物（PM2.5）平均浓度":  "",
		"细颗粒物平均浓度（微克/立方米）": "微克/立方米",
		"地区生产总值":           "",
	} {
		if got := unitFromName(name); got != want {
			t.Errorf("unitFromName(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestUnitAgreement: scale words make one quantity at another scale; count
// words are akin; other units differ.
func TestUnitAgreement(t *testing.T) {
	cases := []struct {
		a, b string
		want UnitAgreement
	}{
		{"%", "％", UnitSame},
		{"亿元", "亿元", UnitSame},
		{"万人", "人", UnitScaled},
		{"亿元", "万元", UnitScaled},
		{"万人次", "人次", UnitScaled},
		{"公里", "千米", UnitSame},
		{"个", "家", UnitAkin},
		{"家", "亿元", UnitDiffers},
		{"人", "人次", UnitDiffers},
		{"%", "个百分点", UnitDiffers},
		{"", "家", UnitUnknown},
		{"万人", "", UnitUnknown},
	}
	for _, c := range cases {
		if got := unitAgreement(c.a, c.b); got != c.want {
			t.Errorf("unitAgreement(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
