//! The catalog's rule ids (../shared/domain/catalog.md): every rule the
//! evaluator knows. A rule file naming any other id does not load, and a
//! typo in code does not compile.

crate::closed_enum! {
    /// A catalog rule, spelled as in the catalog (`TL-05`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum RuleId {
        Cal02 = "CAL-02",
        Cal03 = "CAL-03",
        Cal04 = "CAL-04",
        Cal05 = "CAL-05",
        Cal06 = "CAL-06",
        Cal07 = "CAL-07",
        Cal08 = "CAL-08",
        Cal09 = "CAL-09",
        Cal10 = "CAL-10",
        Cal11 = "CAL-11",
        Cal13 = "CAL-13",
        Doc01 = "DOC-01",
        Doc02 = "DOC-02",
        Doc03 = "DOC-03",
        Doc04 = "DOC-04",
        Doc05 = "DOC-05",
        Doc06 = "DOC-06",
        Doc07 = "DOC-07",
        Doc08 = "DOC-08",
        Doc09 = "DOC-09",
        Notice01 = "NOTICE-01",
        Notice02 = "NOTICE-02",
        Notice03 = "NOTICE-03",
        Notice04 = "NOTICE-04",
        Tl01 = "TL-01",
        Tl02 = "TL-02",
        Tl03 = "TL-03",
        Tl04 = "TL-04",
        Tl05 = "TL-05",
        Tl06 = "TL-06",
        Tl07 = "TL-07",
        Tl08 = "TL-08",
        Tl09 = "TL-09",
        Plan01 = "PLAN-01",
        Plan02 = "PLAN-02",
        Plan03 = "PLAN-03",
        Plan04 = "PLAN-04",
        Plan05 = "PLAN-05",
        Plan06 = "PLAN-06",
        Plan07 = "PLAN-07",
        Lic01 = "LIC-01",
        Lic02 = "LIC-02",
        Lic03 = "LIC-03",
        Lic04 = "LIC-04",
        Lic05 = "LIC-05",
        Lic06 = "LIC-06",
        Lic07 = "LIC-07",
        Load01 = "LOAD-01",
        Load02 = "LOAD-02",
        Load03 = "LOAD-03",
        Load04 = "LOAD-04",
        Load05 = "LOAD-05",
        Load06 = "LOAD-06",
        Load07 = "LOAD-07",
        Ind01 = "IND-01",
        Con01 = "CON-01",
        Con02 = "CON-02",
        Oth03 = "OTH-03",
    }
}

impl RuleId {
    /// The rule's place in [`RuleId::ALL`]: rulebook lookups index by it.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// A rule of calendar and period counting (the catalog's CAL family):
    /// how to count, not what must be done.
    pub fn is_counting(self) -> bool {
        self.as_str().as_bytes().starts_with(b"CAL-")
    }
}

#[cfg(test)]
mod tests {
    use super::RuleId;

    #[test]
    fn index_is_the_place_in_all() {
        for (i, r) in RuleId::ALL.iter().enumerate() {
            assert_eq!(r.index(), i);
            assert_eq!(RuleId::parse(r.as_str()), Some(*r));
        }
    }
}
