//! Chinese names with their pinyin, and the cities customers live in.
//!
//! Surnames are weighted by their real frequency in China (王, 李 and 张 alone
//! cover a fifth of the population), so the customer list looks like one and
//! duplicate detection meets the same-surname noise it meets in real life.
//! Every character carries its toneless pinyin so `name_latin` is computed,
//! never typed by hand.

use super::random::{below, chance, pick, weighted, DemoRng};
use crate::Gender;

/// Surnames with pinyin and frequency in hundredths of a percent of the
/// population (rounded figures from the 2020 census household register).
pub(super) const SURNAMES: [(&str, &str, u32); 61] = [
    ("王", "Wang", 710),
    ("李", "Li", 700),
    ("张", "Zhang", 670),
    ("刘", "Liu", 540),
    ("陈", "Chen", 450),
    ("杨", "Yang", 310),
    ("黄", "Huang", 220),
    ("赵", "Zhao", 200),
    ("吴", "Wu", 200),
    ("周", "Zhou", 190),
    ("徐", "Xu", 150),
    ("孙", "Sun", 150),
    ("马", "Ma", 130),
    ("朱", "Zhu", 130),
    ("胡", "Hu", 130),
    ("郭", "Guo", 120),
    ("何", "He", 120),
    ("高", "Gao", 110),
    ("林", "Lin", 110),
    ("罗", "Luo", 110),
    ("郑", "Zheng", 100),
    ("梁", "Liang", 100),
    ("谢", "Xie", 80),
    ("宋", "Song", 80),
    ("唐", "Tang", 80),
    ("许", "Xu", 70),
    ("韩", "Han", 70),
    ("冯", "Feng", 70),
    ("邓", "Deng", 70),
    ("曹", "Cao", 70),
    ("彭", "Peng", 60),
    ("曾", "Zeng", 60),
    ("肖", "Xiao", 60),
    ("田", "Tian", 60),
    ("董", "Dong", 50),
    ("袁", "Yuan", 50),
    ("潘", "Pan", 50),
    ("于", "Yu", 50),
    ("蒋", "Jiang", 50),
    ("蔡", "Cai", 50),
    ("余", "Yu", 50),
    ("杜", "Du", 50),
    ("叶", "Ye", 50),
    ("程", "Cheng", 50),
    ("苏", "Su", 40),
    ("魏", "Wei", 40),
    ("吕", "Lü", 40),
    ("丁", "Ding", 40),
    ("任", "Ren", 40),
    ("沈", "Shen", 40),
    ("姚", "Yao", 40),
    ("卢", "Lu", 40),
    ("姜", "Jiang", 30),
    ("崔", "Cui", 30),
    ("钟", "Zhong", 30),
    ("谭", "Tan", 30),
    ("陆", "Lu", 30),
    ("汪", "Wang", 30),
    ("范", "Fan", 30),
    ("金", "Jin", 30),
    ("欧阳", "Ouyang", 5),
];

/// Characters common in men's given names.
const MALE: [(&str, &str); 56] = [
    ("伟", "wei"),
    ("强", "qiang"),
    ("磊", "lei"),
    ("军", "jun"),
    ("洋", "yang"),
    ("勇", "yong"),
    ("杰", "jie"),
    ("涛", "tao"),
    ("超", "chao"),
    ("刚", "gang"),
    ("平", "ping"),
    ("辉", "hui"),
    ("鹏", "peng"),
    ("华", "hua"),
    ("飞", "fei"),
    ("鑫", "xin"),
    ("波", "bo"),
    ("斌", "bin"),
    ("浩", "hao"),
    ("凯", "kai"),
    ("健", "jian"),
    ("俊", "jun"),
    ("帆", "fan"),
    ("帅", "shuai"),
    ("旭", "xu"),
    ("龙", "long"),
    ("峰", "feng"),
    ("建", "jian"),
    ("国", "guo"),
    ("志", "zhi"),
    ("永", "yong"),
    ("海", "hai"),
    ("东", "dong"),
    ("博", "bo"),
    ("毅", "yi"),
    ("轩", "xuan"),
    ("豪", "hao"),
    ("泽", "ze"),
    ("宏", "hong"),
    ("亮", "liang"),
    ("成", "cheng"),
    ("睿", "rui"),
    ("昊", "hao"),
    ("天", "tian"),
    ("振", "zhen"),
    ("彬", "bin"),
    ("武", "wu"),
    ("力", "li"),
    ("庆", "qing"),
    ("德", "de"),
    ("彦", "yan"),
    ("晖", "hui"),
    ("恒", "heng"),
    ("铭", "ming"),
    ("鸿", "hong"),
    ("奥", "ao"),
];

/// Characters common in women's given names.
const FEMALE: [(&str, &str); 60] = [
    ("芳", "fang"),
    ("娜", "na"),
    ("敏", "min"),
    ("静", "jing"),
    ("丽", "li"),
    ("艳", "yan"),
    ("娟", "juan"),
    ("霞", "xia"),
    ("秀", "xiu"),
    ("英", "ying"),
    ("玲", "ling"),
    ("桂", "gui"),
    ("兰", "lan"),
    ("婷", "ting"),
    ("雪", "xue"),
    ("慧", "hui"),
    ("琳", "lin"),
    ("晶", "jing"),
    ("颖", "ying"),
    ("倩", "qian"),
    ("洁", "jie"),
    ("燕", "yan"),
    ("萍", "ping"),
    ("红", "hong"),
    ("梅", "mei"),
    ("莉", "li"),
    ("佳", "jia"),
    ("怡", "yi"),
    ("悦", "yue"),
    ("雅", "ya"),
    ("琪", "qi"),
    ("璐", "lu"),
    ("瑶", "yao"),
    ("蕾", "lei"),
    ("薇", "wei"),
    ("菲", "fei"),
    ("琴", "qin"),
    ("凤", "feng"),
    ("云", "yun"),
    ("月", "yue"),
    ("妍", "yan"),
    ("婉", "wan"),
    ("蓉", "rong"),
    ("丹", "dan"),
    ("露", "lu"),
    ("琼", "qiong"),
    ("诗", "shi"),
    ("涵", "han"),
    ("梦", "meng"),
    ("萱", "xuan"),
    ("彤", "tong"),
    ("馨", "xin"),
    ("茹", "ru"),
    ("珊", "shan"),
    ("莹", "ying"),
    ("淑", "shu"),
    ("美", "mei"),
    ("春", "chun"),
    ("秋", "qiu"),
    ("爱", "ai"),
];

/// Characters used in names of either sex.
const NEUTRAL: [(&str, &str); 36] = [
    ("子", "zi"),
    ("思", "si"),
    ("嘉", "jia"),
    ("文", "wen"),
    ("晓", "xiao"),
    ("一", "yi"),
    ("安", "an"),
    ("欣", "xin"),
    ("明", "ming"),
    ("雨", "yu"),
    ("晨", "chen"),
    ("宇", "yu"),
    ("乐", "le"),
    ("青", "qing"),
    ("心", "xin"),
    ("语", "yu"),
    ("小", "xiao"),
    ("佳", "jia"),
    ("家", "jia"),
    ("俊", "jun"),
    ("林", "lin"),
    ("宁", "ning"),
    ("然", "ran"),
    ("凡", "fan"),
    ("亦", "yi"),
    ("可", "ke"),
    ("若", "ruo"),
    ("紫", "zi"),
    ("新", "xin"),
    ("海", "hai"),
    ("春", "chun"),
    ("阳", "yang"),
    ("恩", "en"),
    ("欧", "ou"),
    ("源", "yuan"),
    ("清", "qing"),
];

/// A generated person's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PersonName {
    /// Index into [`SURNAMES`], kept so variants and e-mails can reuse it.
    pub surname: usize,
    pub zh: String,
    pub latin: String,
    /// The given name in pinyin without spaces or capitals ("xiaoming"),
    /// for e-mail addresses.
    pub given_ascii: String,
}

fn surname_weights() -> [u32; SURNAMES.len()] {
    SURNAMES.map(|(_, _, w)| w)
}

/// A surname index drawn by real frequency.
fn draw_surname(rng: &mut DemoRng) -> usize {
    super::random::weighted_index(rng, &surname_weights())
}

fn given_char(rng: &mut DemoRng, gender: Gender) -> (&'static str, &'static str) {
    // A third of characters come from the unisex pool whatever the sex.
    if chance(rng, 0.3) {
        return *pick(rng, &NEUTRAL);
    }
    match gender {
        Gender::Male => *pick(rng, &MALE),
        Gender::Female => *pick(rng, &FEMALE),
        Gender::Unknown => {
            if chance(rng, 0.5) {
                *pick(rng, &MALE)
            } else {
                *pick(rng, &FEMALE)
            }
        }
    }
}

/// Capitalises the first letter of a pinyin word.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Joins pinyin syllables into one word, with the apostrophe that pinyin
/// requires before a syllable starting with a, o or e (Xi'an, not Xian).
fn join_syllables(syllables: &[&str]) -> String {
    let mut out = String::new();
    for (i, syllable) in syllables.iter().enumerate() {
        if i > 0 && syllable.starts_with(['a', 'o', 'e']) {
            out.push('\'');
        }
        out.push_str(syllable);
    }
    out
}

/// A full name: a surname by frequency and a given name of one character
/// (a third of people) or two.
pub(super) fn person(rng: &mut DemoRng, gender: Gender) -> PersonName {
    let surname = draw_surname(rng);
    let (sur_zh, sur_py, _) = SURNAMES[surname];
    let first = given_char(rng, gender);
    let mut zh = String::from(sur_zh);
    zh.push_str(first.0);
    let mut syllables = vec![first.1];
    if !chance(rng, 0.3) {
        let mut second = given_char(rng, gender);
        // Doubled characters (婷婷, 明明) are real but rare; avoid accidental ones.
        if second.0 == first.0 {
            second = given_char(rng, gender);
        }
        zh.push_str(second.0);
        syllables.push(second.1);
    }
    let given = join_syllables(&syllables);
    PersonName {
        surname,
        latin: format!("{sur_py} {}", capitalised(&given)),
        given_ascii: given.replace('\'', "").replace('ü', "v"),
        zh,
    }
}

/// How the same person gets entered a second time: by surname and a polite
/// form of address instead of the full name (张先生, 张女士, 张总), the
/// documents' example of a duplicate.
pub(super) fn variant(rng: &mut DemoRng, surname: usize, gender: Gender) -> (String, String) {
    let (zh, py, _) = SURNAMES[surname.min(SURNAMES.len() - 1)];
    let boss = chance(rng, 0.3);
    match (boss, gender) {
        (true, _) => (format!("{zh}总"), format!("Director {py}")),
        (false, Gender::Female) => (format!("{zh}女士"), format!("Ms {py}")),
        (false, _) => (format!("{zh}先生"), format!("Mr {py}")),
    }
}

/// Mail providers Chinese customers use, most common first.
const MAIL_DOMAINS: [(&str, u32); 10] = [
    ("qq.com", 30),
    ("163.com", 22),
    ("126.com", 10),
    ("gmail.com", 6),
    ("outlook.com", 6),
    ("foxmail.com", 6),
    ("sina.com", 6),
    ("hotmail.com", 5),
    ("sohu.com", 4),
    ("yeah.net", 5),
];

/// An e-mail address that is unique because it embeds `unique` (a number
/// no other customer gets), in one of the shapes people choose.
pub(super) fn email(rng: &mut DemoRng, name: &PersonName, birth_year: i32, unique: u32) -> String {
    let domain = weighted(rng, &MAIL_DOMAINS);
    let surname = SURNAMES[name.surname.min(SURNAMES.len() - 1)]
        .1
        .to_lowercase()
        .replace('ü', "v");
    let given = &name.given_ascii;
    // QQ mail addresses are usually the QQ number itself.
    if domain == "qq.com" && chance(rng, 0.6) {
        return format!(
            "{}@qq.com",
            100_000_000 + u64::from(unique) * 7_919 % 899_999_999
        );
    }
    match below(rng, 4) {
        0 => format!("{surname}{given}{unique}@{domain}"),
        1 => format!("{surname}.{given}.{unique}@{domain}"),
        2 => format!("{given}{surname}{}{unique}@{domain}", birth_year % 100),
        _ => format!(
            "{}{surname}_{unique}@{domain}",
            given.chars().next().unwrap_or('x')
        ),
    }
}

/// A city: Chinese name, English name, and a weight for where customers live.
#[derive(Debug, Clone, Copy)]
pub(super) struct City {
    pub zh: &'static str,
    pub latin: &'static str,
    pub weight: u32,
}

/// Cities customers come from, weighted roughly by the size of their
/// consumer market.
pub(super) const CITIES: [City; 20] = [
    City {
        zh: "上海",
        latin: "Shanghai",
        weight: 14,
    },
    City {
        zh: "北京",
        latin: "Beijing",
        weight: 13,
    },
    City {
        zh: "广州",
        latin: "Guangzhou",
        weight: 10,
    },
    City {
        zh: "深圳",
        latin: "Shenzhen",
        weight: 10,
    },
    City {
        zh: "杭州",
        latin: "Hangzhou",
        weight: 7,
    },
    City {
        zh: "成都",
        latin: "Chengdu",
        weight: 7,
    },
    City {
        zh: "南京",
        latin: "Nanjing",
        weight: 6,
    },
    City {
        zh: "武汉",
        latin: "Wuhan",
        weight: 6,
    },
    City {
        zh: "西安",
        latin: "Xi'an",
        weight: 5,
    },
    City {
        zh: "重庆",
        latin: "Chongqing",
        weight: 6,
    },
    City {
        zh: "苏州",
        latin: "Suzhou",
        weight: 5,
    },
    City {
        zh: "天津",
        latin: "Tianjin",
        weight: 4,
    },
    City {
        zh: "长沙",
        latin: "Changsha",
        weight: 4,
    },
    City {
        zh: "青岛",
        latin: "Qingdao",
        weight: 3,
    },
    City {
        zh: "厦门",
        latin: "Xiamen",
        weight: 3,
    },
    City {
        zh: "宁波",
        latin: "Ningbo",
        weight: 3,
    },
    City {
        zh: "郑州",
        latin: "Zhengzhou",
        weight: 3,
    },
    City {
        zh: "沈阳",
        latin: "Shenyang",
        weight: 2,
    },
    City {
        zh: "昆明",
        latin: "Kunming",
        weight: 2,
    },
    City {
        zh: "三亚",
        latin: "Sanya",
        weight: 1,
    },
];

/// A city index drawn by market size.
pub(super) fn draw_city(rng: &mut DemoRng) -> usize {
    super::random::weighted_index(rng, &CITIES.map(|c| c.weight))
}

/// The index of a city by its Chinese name (the tables are written together,
/// so a miss is a typo that the tests catch; it falls back to the first city).
pub(super) fn city_index(zh: &str) -> usize {
    CITIES.iter().position(|c| c.zh == zh).unwrap_or(0)
}
