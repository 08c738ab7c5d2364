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

    /// The language an address asks for (`?lang=en`, `?lang=zh`), if any.
    pub fn from_query(query: &str) -> Option<Lang> {
        params(query).find_map(|kv| kv.strip_prefix("lang=").and_then(Lang::from_code))
    }

    /// Pick the string of this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// The parameters of an address's query (`?a=1&b=2`), as `key=value` text.
fn params(query: &str) -> impl Iterator<Item = &str> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|kv| !kv.is_empty())
}

/// The query without its `lang=` parameters, once the user has chosen the
/// other language on the page: a reload then keeps their choice (saved with
/// the form) instead of the address's. `None` when the query has none.
pub fn query_without_lang(query: &str) -> Option<String> {
    if !params(query).any(|kv| kv.starts_with("lang=")) {
        return None;
    }
    let kept: Vec<&str> = params(query)
        .filter(|kv| !kv.starts_with("lang="))
        .collect();
    Some(if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    })
}
