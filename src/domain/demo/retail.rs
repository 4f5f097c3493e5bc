//! The retail chain: stores in many cities, product lines, and how shoppers
//! buy.
//!
//! Spend is long-tailed on purpose: each shopper has a yearly spend level
//! drawn from a log-normal, so a few percent of them reach the case study's
//! Diamond grade (¥50,000 a year) and bring in about two fifths of revenue,
//! which is what makes the Pareto curve and the value tiers worth looking at.

use super::names::CITIES;
use super::random::{between, chance, log_normal, pick, weighted, weighted_index, DemoRng};
use crate::{
    AcquisitionChannel, Category, CategoryId, Gender, Outlet, OutletId, Preference, PreferenceKind,
    SalesChannel,
};

/// Shopping districts of each city in [`CITIES`] (same order), Chinese and
/// English.
const AREAS: [[(&str, &str); 6]; 20] = [
    [
        ("南京西路", "Nanjing Rd W"),
        ("淮海中路", "Huaihai Rd M"),
        ("陆家嘴", "Lujiazui"),
        ("徐家汇", "Xujiahui"),
        ("五角场", "Wujiaochang"),
        ("静安寺", "Jing'an Temple"),
    ],
    [
        ("三里屯", "Sanlitun"),
        ("王府井", "Wangfujing"),
        ("西单", "Xidan"),
        ("国贸", "Guomao"),
        ("中关村", "Zhongguancun"),
        ("望京", "Wangjing"),
    ],
    [
        ("天河路", "Tianhe Rd"),
        ("北京路", "Beijing Rd"),
        ("珠江新城", "Zhujiang New Town"),
        ("上下九", "Shangxiajiu"),
        ("番禺", "Panyu"),
        ("白云", "Baiyun"),
    ],
    [
        ("福田", "Futian"),
        ("南山", "Nanshan"),
        ("罗湖", "Luohu"),
        ("宝安", "Bao'an"),
        ("龙华", "Longhua"),
        ("前海", "Qianhai"),
    ],
    [
        ("湖滨", "Hubin"),
        ("武林", "Wulin"),
        ("西溪", "Xixi"),
        ("滨江", "Binjiang"),
        ("钱江新城", "Qianjiang New Town"),
        ("萧山", "Xiaoshan"),
    ],
    [
        ("春熙路", "Chunxi Rd"),
        ("太古里", "Taikoo Li"),
        ("天府广场", "Tianfu Square"),
        ("高新", "Gaoxin"),
        ("双流", "Shuangliu"),
        ("金牛", "Jinniu"),
    ],
    [
        ("新街口", "Xinjiekou"),
        ("夫子庙", "Fuzimiao"),
        ("河西", "Hexi"),
        ("江宁", "Jiangning"),
        ("鼓楼", "Gulou"),
        ("仙林", "Xianlin"),
    ],
    [
        ("江汉路", "Jianghan Rd"),
        ("光谷", "Optics Valley"),
        ("楚河汉街", "Han Street"),
        ("武广", "Wuguang"),
        ("徐东", "Xudong"),
        ("汉阳", "Hanyang"),
    ],
    [
        ("钟楼", "Bell Tower"),
        ("小寨", "Xiaozhai"),
        ("曲江", "Qujiang"),
        ("高新", "Gaoxin"),
        ("大雁塔", "Big Wild Goose Pagoda"),
        ("北大街", "North Street"),
    ],
    [
        ("解放碑", "Jiefangbei"),
        ("观音桥", "Guanyinqiao"),
        ("南坪", "Nanping"),
        ("杨家坪", "Yangjiaping"),
        ("沙坪坝", "Shapingba"),
        ("江北嘴", "Jiangbeizui"),
    ],
    [
        ("观前街", "Guanqian St"),
        ("金鸡湖", "Jinji Lake"),
        ("石路", "Shilu"),
        ("园区", "SIP"),
        ("木渎", "Mudu"),
        ("吴中", "Wuzhong"),
    ],
    [
        ("滨江道", "Binjiang Rd"),
        ("南京路", "Nanjing Rd"),
        ("小白楼", "Xiaobailou"),
        ("河西", "Hexi"),
        ("塘沽", "Tanggu"),
        ("武清", "Wuqing"),
    ],
    [
        ("五一广场", "Wuyi Square"),
        ("黄兴路", "Huangxing Rd"),
        ("梅溪湖", "Meixi Lake"),
        ("河西", "Hexi"),
        ("星沙", "Xingsha"),
        ("万家丽", "Wanjiali"),
    ],
    [
        ("台东", "Taidong"),
        ("中山路", "Zhongshan Rd"),
        ("香港中路", "Hong Kong Rd M"),
        ("黄岛", "Huangdao"),
        ("李村", "Licun"),
        ("崂山", "Laoshan"),
    ],
    [
        ("中山路", "Zhongshan Rd"),
        ("思明", "Siming"),
        ("湖里", "Huli"),
        ("集美", "Jimei"),
        ("鼓浪屿", "Gulangyu"),
        ("海沧", "Haicang"),
    ],
    [
        ("天一广场", "Tianyi Square"),
        ("鄞州", "Yinzhou"),
        ("江北", "Jiangbei"),
        ("东部新城", "Eastern New Town"),
        ("北仑", "Beilun"),
        ("慈城", "Cicheng"),
    ],
    [
        ("二七广场", "Erqi Square"),
        ("花园路", "Huayuan Rd"),
        ("郑东新区", "Zhengdong"),
        ("金水", "Jinshui"),
        ("高新", "Gaoxin"),
        ("中原", "Zhongyuan"),
    ],
    [
        ("中街", "Zhongjie"),
        ("太原街", "Taiyuan St"),
        ("浑南", "Hunnan"),
        ("铁西", "Tiexi"),
        ("北站", "North Station"),
        ("皇姑", "Huanggu"),
    ],
    [
        ("南屏街", "Nanping St"),
        ("翠湖", "Green Lake"),
        ("呈贡", "Chenggong"),
        ("西山", "Xishan"),
        ("官渡", "Guandu"),
        ("北京路", "Beijing Rd"),
    ],
    [
        ("解放路", "Jiefang Rd"),
        ("海棠湾", "Haitang Bay"),
        ("三亚湾", "Sanya Bay"),
        ("大东海", "Dadonghai"),
        ("亚龙湾", "Yalong Bay"),
        ("崖州", "Yazhou"),
    ],
];

/// Shopping malls a second store in the same district opens in.
const MALLS: [(&str, &str); 6] = [
    ("万达广场", "Wanda Plaza"),
    ("万象城", "MixC"),
    ("大悦城", "Joy City"),
    ("银泰城", "Intime City"),
    ("龙湖天街", "Longfor Paradise Walk"),
    ("吾悦广场", "Wuyue Plaza"),
];

/// Stores per city: `count` split by market weight (largest remainder, ties
/// to the bigger market), so the chain is strongest in the big cities.
fn stores_per_city(count: u32) -> [u32; 20] {
    let total: u32 = CITIES.iter().map(|c| c.weight).sum();
    let mut out = [0u32; 20];
    let mut remainders: Vec<(u32, usize)> = Vec::with_capacity(CITIES.len());
    for (i, city) in CITIES.iter().enumerate() {
        let exact = count * city.weight;
        out[i] = exact / total.max(1);
        remainders.push((exact % total.max(1), i));
    }
    let assigned: u32 = out.iter().sum();
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in remainders
        .iter()
        .take(count.saturating_sub(assigned) as usize)
    {
        out[i] += 1;
    }
    out
}

/// `count` stores, named after their district (and mall, once a district
/// has a store): "上海南京西路店" / "Shanghai Nanjing Rd W". Returns the
/// outlets and each one's city index.
pub(super) fn outlets(count: u32) -> (Vec<Outlet>, Vec<usize>) {
    let mut outlets = Vec::with_capacity(count as usize);
    let mut cities = Vec::with_capacity(count as usize);
    for (city_i, n) in stores_per_city(count).into_iter().enumerate() {
        let city = CITIES[city_i];
        let areas = &AREAS[city_i];
        for k in 0..n as usize {
            let (area_zh, area_en) = areas[k % areas.len()];
            let round = k / areas.len();
            let (name, name_latin) = if round == 0 {
                (
                    format!("{}{area_zh}店", city.zh),
                    format!("{} {area_en}", city.latin),
                )
            } else if round <= MALLS.len() {
                let (mall_zh, mall_en) = MALLS[round - 1];
                (
                    format!("{}{area_zh}{mall_zh}店", city.zh),
                    format!("{} {area_en} {mall_en}", city.latin),
                )
            } else {
                (
                    format!("{}{area_zh}{}号店", city.zh, round + 1),
                    format!("{} {area_en} No. {}", city.latin, round + 1),
                )
            };
            outlets.push(Outlet {
                id: OutletId(outlets.len() as u32 + 1),
                name,
                name_latin,
                city: city.zh.to_owned(),
            });
            cities.push(city_i);
        }
    }
    (outlets, cities)
}

/// A product line: names, share of purchases, and price level relative to
/// the shopper's usual ticket.
#[derive(Debug, Clone, Copy)]
pub(super) struct ProductLine {
    pub zh: &'static str,
    pub latin: &'static str,
    pub weight: u32,
    pub price: f64,
}

pub(super) const PRODUCT_LINES: [ProductLine; 8] = [
    ProductLine {
        zh: "服装",
        latin: "Apparel",
        weight: 34,
        price: 1.05,
    },
    ProductLine {
        zh: "鞋履",
        latin: "Footwear",
        weight: 16,
        price: 1.15,
    },
    ProductLine {
        zh: "配饰",
        latin: "Accessories",
        weight: 12,
        price: 0.65,
    },
    ProductLine {
        zh: "美妆",
        latin: "Beauty",
        weight: 14,
        price: 0.6,
    },
    ProductLine {
        zh: "家居",
        latin: "Home",
        weight: 8,
        price: 0.85,
    },
    ProductLine {
        zh: "箱包",
        latin: "Bags",
        weight: 8,
        price: 1.7,
    },
    ProductLine {
        zh: "运动",
        latin: "Sportswear",
        weight: 5,
        price: 0.95,
    },
    ProductLine {
        zh: "童装",
        latin: "Kidswear",
        weight: 3,
        price: 0.65,
    },
];

pub(super) fn categories() -> Vec<Category> {
    PRODUCT_LINES
        .iter()
        .enumerate()
        .map(|(i, p)| Category {
            id: CategoryId(i as u32 + 1),
            name: p.zh.to_owned(),
            name_latin: p.latin.to_owned(),
        })
        .collect()
}

/// The product line a shopper buys most.
pub(super) fn draw_favourite(rng: &mut DemoRng) -> usize {
    weighted_index(rng, &PRODUCT_LINES.map(|p| p.weight))
}

/// The product line of one purchase: the favourite half the time.
pub(super) fn draw_line(rng: &mut DemoRng, favourite: usize) -> usize {
    if chance(rng, 0.5) {
        favourite
    } else {
        weighted_index(rng, &PRODUCT_LINES.map(|p| p.weight))
    }
}

/// Items in one basket.
pub(super) fn quantity(rng: &mut DemoRng) -> u32 {
    weighted(rng, &[(1, 58), (2, 25), (3, 10), (4, 5), (5, 2)])
}

/// The amount of one purchase in whole yuan, around the shopper's usual
/// ticket, priced by product line; never below a cheap accessory.
pub(super) fn amount(rng: &mut DemoRng, ticket: f64, line: usize) -> i64 {
    let price = PRODUCT_LINES[line.min(PRODUCT_LINES.len() - 1)].price;
    (log_normal(rng, ticket * price, 0.35).round() as i64).max(19)
}

pub(super) fn channel(rng: &mut DemoRng) -> SalesChannel {
    weighted(
        rng,
        &[
            (SalesChannel::Store, 62),
            (SalesChannel::MiniProgram, 20),
            (SalesChannel::Online, 15),
            (SalesChannel::Phone, 3),
        ],
    )
}

pub(super) fn acquisition(rng: &mut DemoRng) -> AcquisitionChannel {
    weighted(
        rng,
        &[
            (AcquisitionChannel::WalkIn, 40),
            (AcquisitionChannel::MiniProgram, 25),
            (AcquisitionChannel::Online, 15),
            (AcquisitionChannel::Referral, 10),
            (AcquisitionChannel::Event, 10),
        ],
    )
}

pub(super) fn gender(rng: &mut DemoRng) -> Gender {
    weighted(
        rng,
        &[
            (Gender::Female, 68),
            (Gender::Male, 29),
            (Gender::Unknown, 3),
        ],
    )
}

pub(super) const AGE_RANGE: (u32, u32) = (18, 64);

const SIZES: [&str; 5] = ["S", "M", "L", "XL", "XXL"];
const STYLES: [&str; 8] = [
    "简约", "通勤", "休闲", "运动", "复古", "商务", "潮流", "甜美",
];
const OTHER: [&str; 4] = [
    "偏好门店自提",
    "只接受微信联系",
    "偏好线上下单",
    "喜欢新品首发",
];

pub(super) fn preferences(rng: &mut DemoRng, gender: Gender) -> Vec<Preference> {
    let mut out = Vec::new();
    if chance(rng, 0.4) {
        out.push(Preference {
            kind: PreferenceKind::Size,
            value: (*pick(rng, &SIZES)).to_owned(),
        });
    }
    if chance(rng, 0.2) {
        let (lo, hi) = if gender == Gender::Male {
            (39, 45)
        } else {
            (35, 40)
        };
        out.push(Preference {
            kind: PreferenceKind::Size,
            value: format!("鞋码{}", between(rng, lo, hi)),
        });
    }
    if chance(rng, 0.35) {
        out.push(Preference {
            kind: PreferenceKind::Style,
            value: (*pick(rng, &STYLES)).to_owned(),
        });
    }
    if chance(rng, 0.1) {
        out.push(Preference {
            kind: PreferenceKind::Other,
            value: (*pick(rng, &OTHER)).to_owned(),
        });
    }
    out
}

const EXTRA_TAGS: [&str; 8] = [
    "折扣敏感",
    "时尚达人",
    "直播粉丝",
    "社群活跃",
    "企业团购",
    "学生",
    "宝妈",
    "送礼需求",
];

pub(super) fn tags(rng: &mut DemoRng, big_spender: bool) -> Vec<String> {
    let mut tags = Vec::new();
    if big_spender {
        tags.push("高价值".to_owned());
    }
    if chance(rng, 0.45) {
        tags.push((*pick(rng, &EXTRA_TAGS)).to_owned());
    }
    tags
}

const NOTES: [&str; 10] = [
    "偏好黑白灰色系",
    "常在直播间下单,喜欢限量款",
    "生日月有集中购买习惯",
    "对面料敏感,只买纯棉和真丝",
    "经常为家人代购,需开多张小票",
    "新品到店请第一时间微信通知",
    "对价格敏感,大促期间才购买",
    "曾参加会员沙龙,反馈很好",
    "裤长需修改,留意改衣时间",
    "喜欢店长推荐的搭配",
];

pub(super) fn note(rng: &mut DemoRng) -> String {
    (*pick(rng, &NOTES)).to_owned()
}
