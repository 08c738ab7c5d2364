//! The closed vocabularies of the rule files (data/rules/README.md): what a
//! value is counted in, whom it is for, when its clock starts, how binding
//! it is, and the like. Each is parsed once, where the files are loaded.

crate::closed_enum! {
    /// What an amount is counted in.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Unit {
        /// Working days on the official calendar (holidays and make-up days).
        WorkingDays = "working-days",
        CalendarDays = "calendar-days",
        /// Calendar months (the day of the same number, or the month's last).
        Months = "months",
        Years = "years",
        Minutes = "minutes",
        /// Kilovolts: a voltage threshold.
        Kv = "kv",
    }
}

crate::closed_enum! {
    /// The customers a value is for, from the widest class to one kind of
    /// case (`eval::selectors` lists a case's classes, most specific first).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Selector {
        All = "all",
        Resident = "resident",
        LvNonresident = "lv-nonresident",
        LowVoltage = "low-voltage",
        Nonresident = "nonresident",
        HighVoltage = "high-voltage",
        HvSingle = "hv-single",
        HvDual = "hv-dual",
        LvNoExternalWorks = "lv-no-external-works",
        LvExternalWorks = "lv-external-works",
    }
}

crate::closed_enum! {
    /// The event that starts a time limit's clock.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Start {
        Accepted = "accepted",
        DesignSubmitted = "design-submitted",
        MidCheckRequested = "mid-check-requested",
        CompletionRequested = "completion-requested",
        /// Formalities done (contract signed, fees paid): TL-06.
        Formalities = "formalities",
    }
}

crate::closed_enum! {
    /// How binding a limit is.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub enum Kind {
        /// A limit each case must keep: missing it is overdue.
        #[default]
        Limit = "limit",
        /// A policy target, not a legal limit for one case: missing it is a warning.
        Target = "target",
        /// A target for the average over cases: one case above it is not overdue.
        AverageTarget = "average-target",
    }
}

crate::closed_enum! {
    /// Whose time a limit counts.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub enum Scope {
        /// All the time from start to done.
        #[default]
        Whole = "whole",
        /// Only the utility's time: the customer's own (design, construction)
        /// is to be taken out through pauses.
        UtilitySide = "utility-side",
    }
}

crate::closed_enum! {
    /// When a listed document is needed.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Need {
        Required = "required",
        IfAgent = "if-agent",
        IfGovernmentProject = "if-government-project",
        IfImportant = "if-important",
        IfOwnershipUnclear = "if-ownership-unclear",
        /// Asked for in some places only.
        Local = "local",
    }
}

crate::closed_enum! {
    /// What kind of text an instrument is.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Layer {
        National = "national",
        Policy = "policy",
        Standard = "standard",
        Utility = "utility",
        /// yekuo's own counting conventions.
        Convention = "convention",
    }
}

crate::closed_enum! {
    /// Whose customers an instrument binds.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Applies {
        /// Every utility.
        Any = "any",
        /// State Grid only.
        Sgcc = "SGCC",
    }
}

crate::closed_enum! {
    /// The name of a single amount a rule reads (`what = "..."`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Named {
        ExtensionLead = "extension-lead",
        TerminalSubstationKv = "terminal-substation-kv",
        OrdinaryMaxKv = "ordinary-max-kv",
        UncertainMargin = "uncertain-margin",
        NoticeMin = "notice-min",
        NoticeMax = "notice-max",
        Reminder = "reminder",
    }
}

crate::closed_enum! {
    /// A test a rule's evaluation applies that its article does not spell
    /// out, recorded in the rule file with the mark of where it comes from
    /// (`test = "..."`), so a finding it decides carries that mark.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Test {
        /// LOAD-02: circuits from the same bus section of one substation are
        /// not two sources; the same substation on different bus sections
        /// is two only if the sections are independent; different
        /// substations are two (practice notes, not GB 50052 3.0.2's text).
        BusSection = "bus-section",
    }
}
