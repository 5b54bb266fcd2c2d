//! Calendar days, weekdays and day ranges.
//!
//! Dates in articles are coarse ("March 2023", "in 2011") as often as they are exact, so
//! every date the tool handles is a [`DayRange`]: an exact day is a range of one. Days are
//! proleptic Gregorian, counted from 1970-01-01, which makes comparison and weekday
//! arithmetic plain integer work.

use std::fmt;

/// One calendar day.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Day(i32);

impl Day {
    /// The day for a year, month (1–12) and day of month, if it exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        // Days from civil, after Howard Hinnant's public-domain algorithm.
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = month as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Day(era * 146_097 + doe - 719_468))
    }

    /// Year, month and day of month.
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i32::from(m <= 2);
        (y, m, d)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.ymd().0
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(text: &str) -> Option<Day> {
        let text = text.trim();
        let mut parts = text.splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Day::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        Weekday::ALL[((self.0 + 3).rem_euclid(7)) as usize]
    }

    /// The day `days` later (earlier when negative).
    pub fn add_days(self, days: i32) -> Day {
        Day(self.0 + days)
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Day) -> i32 {
        later.0 - self.0
    }

    /// The latest day on or before `self` that falls on `weekday`.
    pub fn previous_or_same(self, weekday: Weekday) -> Day {
        let back = (self.weekday().index() + 7 - weekday.index()) % 7;
        self.add_days(-(back as i32))
    }

    /// Full years from `born` to `self`: a person's age on this day.
    pub fn years_since(self, born: Day) -> i32 {
        let (by, bm, bd) = born.ymd();
        let (y, m, d) = self.ymd();
        let mut years = y - by;
        if (m, d) < (bm, bd) {
            years -= 1;
        }
        years
    }

    /// The same calendar day `years` later (28 February stands in for 29 February).
    pub fn add_years(self, years: i32) -> Day {
        let (y, m, d) = self.ymd();
        let y = y + years;
        Day::from_ymd(y, m, d.min(days_in_month(y, m))).unwrap_or(self)
    }

    /// A human form such as "Wednesday 11 December 2024".
    pub fn long(self) -> String {
        let (y, m, d) = self.ymd();
        format!(
            "{} {} {} {}",
            self.weekday().name(),
            d,
            MONTHS[(m - 1) as usize],
            y
        )
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// The months' names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether a year of the Gregorian calendar has 29 February.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// How many days a month of a year has.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The month number for an English month name or its usual abbreviation
/// ("Dec", "Dec.", "Sept"), case-insensitively.
pub fn month_from_name(word: &str) -> Option<u32> {
    let w = word.strip_suffix('.').unwrap_or(word);
    if w.len() < 3 || w.len() > 9 {
        return None;
    }
    let index = MONTHS.iter().position(|m| {
        m.eq_ignore_ascii_case(w)
            || (m.len() > w.len()
                && m.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
                && (w.len() == 3 || w.eq_ignore_ascii_case("sept")))
    })?;
    Some(index as u32 + 1)
}

/// A day of the week.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Weekday {
    /// Monday.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday.
    Saturday,
    /// Sunday.
    Sunday,
}

impl Weekday {
    /// Every day of the week, Monday first.
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// Monday 0 to Sunday 6.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The full name: "Monday".
    pub fn name(self) -> &'static str {
        match self {
            Weekday::Monday => "Monday",
            Weekday::Tuesday => "Tuesday",
            Weekday::Wednesday => "Wednesday",
            Weekday::Thursday => "Thursday",
            Weekday::Friday => "Friday",
            Weekday::Saturday => "Saturday",
            Weekday::Sunday => "Sunday",
        }
    }

    /// Parses a full weekday name, case-insensitively.
    pub fn from_name(word: &str) -> Option<Weekday> {
        Weekday::ALL
            .into_iter()
            .find(|d| d.name().eq_ignore_ascii_case(word))
    }
}

/// An inclusive range of days: one day, a month, a year, or any span between.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct DayRange {
    /// The first day.
    pub from: Day,
    /// The last day (inclusive).
    pub to: Day,
}

impl DayRange {
    /// One day.
    pub fn day(day: Day) -> DayRange {
        DayRange { from: day, to: day }
    }

    /// Every day of a month.
    pub fn month(year: i32, month: u32) -> Option<DayRange> {
        Some(DayRange {
            from: Day::from_ymd(year, month, 1)?,
            to: Day::from_ymd(year, month, days_in_month(year, month))?,
        })
    }

    /// Every day of a year.
    pub fn year(year: i32) -> Option<DayRange> {
        Some(DayRange {
            from: Day::from_ymd(year, 1, 1)?,
            to: Day::from_ymd(year, 12, 31)?,
        })
    }

    /// Whether two ranges share a day.
    pub fn overlaps(&self, other: &DayRange) -> bool {
        self.from <= other.to && other.from <= self.to
    }

    /// Whether the range is one day.
    pub fn is_day(&self) -> bool {
        self.from == self.to
    }

    /// The most natural way to say this range: a day, a month, a year, or from–to.
    pub fn describe(&self) -> String {
        let (fy, fm, fd) = self.from.ymd();
        let (ty, tm, td) = self.to.ymd();
        if self.is_day() {
            self.from.long()
        } else if fy == ty && fm == tm && fd == 1 && td == days_in_month(ty, tm) {
            format!("{} {}", MONTHS[(fm - 1) as usize], fy)
        } else if fy == ty && (fm, fd) == (1, 1) && (tm, td) == (12, 31) {
            format!("{fy}")
        } else {
            format!("{} to {}", self.from, self.to)
        }
    }
}

impl fmt::Display for DayRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_day() {
            write!(f, "{}", self.from)
        } else {
            write!(f, "{}..{}", self.from, self.to)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekdays() {
        let d = Day::from_ymd(2024, 12, 11).unwrap();
        assert_eq!(d.ymd(), (2024, 12, 11));
        assert_eq!(d.weekday(), Weekday::Wednesday);
        assert_eq!(d.to_string(), "2024-12-11");
        assert_eq!(
            Day::from_ymd(1970, 1, 1).unwrap().weekday(),
            Weekday::Thursday
        );
        assert_eq!(Day::from_ymd(2000, 2, 29).unwrap().ymd(), (2000, 2, 29));
        assert_eq!(Day::from_ymd(1900, 2, 29), None);
        assert_eq!(Day::from_ymd(2023, 13, 1), None);
        for n in -800_000..800_000 {
            if n % 997 == 0 {
                let day = Day(n);
                let (y, m, dd) = day.ymd();
                assert_eq!(Day::from_ymd(y, m, dd), Some(day));
            }
        }
    }

    #[test]
    fn resolves_weekdays_backwards() {
        let published = Day::parse_iso("2024-12-12").unwrap(); // a Thursday
        assert_eq!(
            published.previous_or_same(Weekday::Wednesday).to_string(),
            "2024-12-11"
        );
        assert_eq!(
            published.previous_or_same(Weekday::Thursday).to_string(),
            "2024-12-12"
        );
        assert_eq!(
            published.previous_or_same(Weekday::Friday).to_string(),
            "2024-12-06"
        );
    }

    #[test]
    fn ages_and_months() {
        let born = Day::parse_iso("1966-06-15").unwrap();
        assert_eq!(Day::parse_iso("2024-06-14").unwrap().years_since(born), 57);
        assert_eq!(Day::parse_iso("2024-06-15").unwrap().years_since(born), 58);
        assert_eq!(month_from_name("Dec."), Some(12));
        assert_eq!(month_from_name("Sept"), Some(9));
        assert_eq!(month_from_name("march"), Some(3));
        assert_eq!(month_from_name("Mar"), Some(3));
        assert_eq!(month_from_name("Ma"), None);
        assert_eq!(month_from_name("Decimal"), None);
        assert_eq!(
            DayRange::month(2023, 3).unwrap().describe(),
            "March 2023".to_string()
        );
        assert_eq!(DayRange::year(2011).unwrap().describe(), "2011");
        assert_eq!(Day::parse_iso("2024-2-1"), None);
    }
}
