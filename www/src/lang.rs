//! The language of the page. Its own module, so that the labels and the
//! draft's messages can name it without importing the app's state.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The language's code in the autosave (`state::Saved`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The same language as the core's renderer names it.
    pub fn core(self) -> yekuo::render::Lang {
        match self {
            Lang::Zh => yekuo::render::Lang::Zh,
            Lang::En => yekuo::render::Lang::En,
        }
    }

    /// The language a code names.
    pub fn from_code(code: &str) -> Option<Lang> {
        [Lang::Zh, Lang::En].into_iter().find(|l| l.code() == code)
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Pick the string of this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}
