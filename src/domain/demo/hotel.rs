//! The hotel group: its properties, room types and how guests stay.
//!
//! Two kinds of guest drive a hotel's numbers: business travellers, who come
//! back every few weeks on weekdays, book superior kings and rotate between
//! the big-city properties; and leisure guests, who come once or twice a year
//! in the holidays, book twins, family rooms and suites, and favour the
//! resort and the scenic cities. A stay is one transaction: quantity = nights,
//! amount = nights × the night's rate.

use super::names::city_index;
use super::random::{between, chance, pick, uniform, weighted, weighted_index, DemoRng};
use crate::{
    AcquisitionChannel, Category, CategoryId, Gender, Outlet, OutletId, Preference, PreferenceKind,
    SalesChannel,
};

/// What brings a guest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Purpose {
    Business,
    Leisure,
}

/// A property of the group.
#[derive(Debug, Clone, Copy)]
pub(super) struct Property {
    pub zh: &'static str,
    pub latin: &'static str,
    pub city: &'static str,
    /// Rate level relative to the group's rack rates (the Bund is dearer
    /// than Chengdu).
    pub rate_factor: f64,
    /// Share of business and of leisure stays it attracts.
    pub business: u32,
    pub leisure: u32,
}

pub(super) const PROPERTIES: [Property; 8] = [
    Property {
        zh: "上海外滩店",
        latin: "Shanghai Bund",
        city: "上海",
        rate_factor: 1.25,
        business: 15,
        leisure: 12,
    },
    Property {
        zh: "北京王府井店",
        latin: "Beijing Wangfujing",
        city: "北京",
        rate_factor: 1.2,
        business: 15,
        leisure: 10,
    },
    Property {
        zh: "广州天河店",
        latin: "Guangzhou Tianhe",
        city: "广州",
        rate_factor: 1.0,
        business: 12,
        leisure: 5,
    },
    Property {
        zh: "深圳福田店",
        latin: "Shenzhen Futian",
        city: "深圳",
        rate_factor: 1.1,
        business: 13,
        leisure: 4,
    },
    Property {
        zh: "杭州西湖店",
        latin: "Hangzhou West Lake",
        city: "杭州",
        rate_factor: 1.05,
        business: 7,
        leisure: 13,
    },
    Property {
        zh: "成都春熙路店",
        latin: "Chengdu Chunxi Road",
        city: "成都",
        rate_factor: 0.85,
        business: 8,
        leisure: 10,
    },
    Property {
        zh: "西安钟楼店",
        latin: "Xi'an Bell Tower",
        city: "西安",
        rate_factor: 0.85,
        business: 5,
        leisure: 9,
    },
    Property {
        zh: "三亚亚龙湾店",
        latin: "Sanya Yalong Bay",
        city: "三亚",
        rate_factor: 1.15,
        business: 1,
        leisure: 16,
    },
];

/// A room type with its rack rate per night in yuan.
#[derive(Debug, Clone, Copy)]
pub(super) struct RoomType {
    pub zh: &'static str,
    pub latin: &'static str,
    pub rate: i64,
    pub business: u32,
    pub leisure: u32,
}

pub(super) const ROOM_TYPES: [RoomType; 6] = [
    RoomType {
        zh: "标准间",
        latin: "Standard Twin",
        rate: 480,
        business: 14,
        leisure: 30,
    },
    RoomType {
        zh: "大床房",
        latin: "King Room",
        rate: 560,
        business: 40,
        leisure: 24,
    },
    RoomType {
        zh: "高级大床房",
        latin: "Superior King",
        rate: 720,
        business: 26,
        leisure: 12,
    },
    RoomType {
        zh: "家庭房",
        latin: "Family Room",
        rate: 860,
        business: 0,
        leisure: 18,
    },
    RoomType {
        zh: "豪华套房",
        latin: "Deluxe Suite",
        rate: 1_380,
        business: 8,
        leisure: 12,
    },
    RoomType {
        zh: "行政套房",
        latin: "Executive Suite",
        rate: 1_980,
        business: 12,
        leisure: 4,
    },
];

/// Peak-season surcharge on the night's rate.
const PEAK_FACTOR: f64 = 1.15;
/// Day-to-day rate noise (revenue management), ± this fraction.
const RATE_NOISE: f64 = 0.08;

pub(super) fn outlets() -> Vec<Outlet> {
    PROPERTIES
        .iter()
        .enumerate()
        .map(|(i, p)| Outlet {
            id: OutletId(i as u32 + 1),
            name: p.zh.to_owned(),
            name_latin: p.latin.to_owned(),
            city: p.city.to_owned(),
        })
        .collect()
}

/// The city index (into [`super::names::CITIES`]) of each property.
pub(super) fn outlet_cities() -> Vec<usize> {
    PROPERTIES.iter().map(|p| city_index(p.city)).collect()
}

pub(super) fn categories() -> Vec<Category> {
    ROOM_TYPES
        .iter()
        .enumerate()
        .map(|(i, r)| Category {
            id: CategoryId(i as u32 + 1),
            name: r.zh.to_owned(),
            name_latin: r.latin.to_owned(),
        })
        .collect()
}

/// The property a guest of this purpose picks, by the properties' appeal.
pub(super) fn draw_property(rng: &mut DemoRng, purpose: Purpose) -> usize {
    let weights = PROPERTIES.map(|p| match purpose {
        Purpose::Business => p.business,
        Purpose::Leisure => p.leisure,
    });
    weighted_index(rng, &weights)
}

/// The room type a guest of this purpose usually books.
pub(super) fn draw_room(rng: &mut DemoRng, purpose: Purpose) -> usize {
    let weights = ROOM_TYPES.map(|r| match purpose {
        Purpose::Business => r.business,
        Purpose::Leisure => r.leisure,
    });
    weighted_index(rng, &weights)
}

/// Nights of one stay: mostly one or two, leisure a little longer, and a rare
/// long stay (a project, a family visit) of up to two weeks.
pub(super) fn nights(rng: &mut DemoRng, purpose: Purpose) -> u32 {
    if chance(rng, 0.01) {
        return between(rng, 6, 14);
    }
    match purpose {
        Purpose::Business => weighted(rng, &[(1, 46), (2, 30), (3, 14), (4, 6), (5, 4)]),
        Purpose::Leisure => weighted(rng, &[(1, 26), (2, 32), (3, 20), (4, 12), (5, 10)]),
    }
}

/// The rate of one night in whole yuan: rack rate × property level ×
/// peak surcharge × a little noise.
pub(super) fn nightly_rate(rng: &mut DemoRng, room: usize, property: usize, peak: bool) -> i64 {
    let rack = ROOM_TYPES[room.min(ROOM_TYPES.len() - 1)].rate as f64;
    let level = PROPERTIES[property.min(PROPERTIES.len() - 1)].rate_factor;
    let season = if peak { PEAK_FACTOR } else { 1.0 };
    let noise = uniform(rng, 1.0 - RATE_NOISE, 1.0 + RATE_NOISE);
    (rack * level * season * noise).round() as i64
}

/// The lowest and highest possible nightly rate of a room type, in yuan, from
/// the same factors [`nightly_rate`] uses.
#[cfg(test)]
pub(super) fn nightly_bounds(room: usize) -> (i64, i64) {
    let rack = ROOM_TYPES[room.min(ROOM_TYPES.len() - 1)].rate as f64;
    let levels = PROPERTIES.map(|p| p.rate_factor);
    let low = levels.iter().copied().fold(f64::MAX, f64::min);
    let high = levels.iter().copied().fold(f64::MIN, f64::max);
    (
        (rack * low * (1.0 - RATE_NOISE)).floor() as i64,
        (rack * high * PEAK_FACTOR * (1.0 + RATE_NOISE)).ceil() as i64,
    )
}

/// How a stay was booked. Business travellers use the phone and the
/// corporate mini-program more; leisure guests book online.
pub(super) fn channel(rng: &mut DemoRng, purpose: Purpose) -> SalesChannel {
    match purpose {
        Purpose::Business => weighted(
            rng,
            &[
                (SalesChannel::Store, 30),
                (SalesChannel::Online, 25),
                (SalesChannel::MiniProgram, 25),
                (SalesChannel::Phone, 20),
            ],
        ),
        Purpose::Leisure => weighted(
            rng,
            &[
                (SalesChannel::Store, 25),
                (SalesChannel::Online, 48),
                (SalesChannel::MiniProgram, 17),
                (SalesChannel::Phone, 10),
            ],
        ),
    }
}

pub(super) fn acquisition(rng: &mut DemoRng, purpose: Purpose) -> AcquisitionChannel {
    match purpose {
        Purpose::Business => weighted(
            rng,
            &[
                (AcquisitionChannel::Corporate, 35),
                (AcquisitionChannel::Online, 20),
                (AcquisitionChannel::WalkIn, 15),
                (AcquisitionChannel::MiniProgram, 12),
                (AcquisitionChannel::Referral, 10),
                (AcquisitionChannel::Event, 8),
            ],
        ),
        Purpose::Leisure => weighted(
            rng,
            &[
                (AcquisitionChannel::Online, 38),
                (AcquisitionChannel::TravelAgency, 22),
                (AcquisitionChannel::WalkIn, 15),
                (AcquisitionChannel::MiniProgram, 12),
                (AcquisitionChannel::Referral, 10),
                (AcquisitionChannel::Event, 3),
            ],
        ),
    }
}

/// Business travellers are mostly men in their thirties to fifties; leisure
/// guests are evenly split.
pub(super) fn gender(rng: &mut DemoRng, purpose: Purpose) -> Gender {
    let male = match purpose {
        Purpose::Business => 66,
        Purpose::Leisure => 47,
    };
    weighted(
        rng,
        &[
            (Gender::Male, male),
            (Gender::Female, 97 - male),
            (Gender::Unknown, 3),
        ],
    )
}

/// The age range a guest of this purpose is drawn from.
pub(super) fn age_range(purpose: Purpose) -> (u32, u32) {
    match purpose {
        Purpose::Business => (24, 62),
        Purpose::Leisure => (18, 75),
    }
}

const PILLOWS: [&str; 5] = ["荞麦枕", "羽绒枕", "乳胶枕", "记忆棉枕", "低枕"];
const BREAKFASTS: [&str; 5] = ["中式早餐", "西式早餐", "素食早餐", "房内早餐", "不含早餐"];
const FLOORS: [&str; 4] = ["高楼层", "低楼层", "远离电梯", "无烟楼层"];
const DIETS: [&str; 4] = ["不吃辣", "海鲜过敏", "清真", "低糖"];

/// Remembered preferences: what front desks keep in a guest's profile.
pub(super) fn preferences(rng: &mut DemoRng, room: usize) -> Vec<Preference> {
    let mut out = Vec::new();
    let mut add = |kind, value: &&str| {
        out.push(Preference {
            kind,
            value: (*value).to_owned(),
        })
    };
    if chance(rng, 0.5) {
        add(
            PreferenceKind::RoomType,
            &ROOM_TYPES[room.min(ROOM_TYPES.len() - 1)].zh,
        );
    }
    if chance(rng, 0.35) {
        add(PreferenceKind::Pillow, pick(rng, &PILLOWS));
    }
    if chance(rng, 0.3) {
        add(PreferenceKind::Breakfast, pick(rng, &BREAKFASTS));
    }
    if chance(rng, 0.25) {
        add(PreferenceKind::Floor, pick(rng, &FLOORS));
    }
    if chance(rng, 0.08) {
        add(PreferenceKind::Diet, pick(rng, &DIETS));
    }
    out
}

const EXTRA_TAGS: [&str; 8] = [
    "常住客",
    "协议客户",
    "会议团队",
    "家庭出游",
    "蜜月",
    "外籍客人",
    "带宠物",
    "自驾",
];

pub(super) fn tags(rng: &mut DemoRng, purpose: Purpose) -> Vec<String> {
    let mut tags = vec![match purpose {
        Purpose::Business => "商务客".to_owned(),
        Purpose::Leisure => "休闲客".to_owned(),
    }];
    if chance(rng, 0.35) {
        let extra = *pick(rng, &EXTRA_TAGS);
        tags.push(extra.to_owned());
    }
    tags
}

const NOTES: [&str; 10] = [
    "对羽绒过敏,请提前更换荞麦枕",
    "喜欢安静的房间,远离电梯",
    "常需早入住,可提前安排",
    "公司协议价客户,发票抬头为公司",
    "入住时常带小孩,需加床或婴儿床",
    "偏好高楼层江景房",
    "曾反映空调噪音,入住前检查空调",
    "结婚纪念日常来住,可安排欢迎卡",
    "习惯晚退房,会员可延迟至14:00",
    "对香薰敏感,房间勿放香薰",
];

pub(super) fn note(rng: &mut DemoRng) -> String {
    (*pick(rng, &NOTES)).to_owned()
}
