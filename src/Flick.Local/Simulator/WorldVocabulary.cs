namespace Flick.Local.Simulator;

/// <summary>The words the simulated world is made of: languages, name parts, titles and tags.</summary>
internal static class WorldVocabulary
{
    /// <summary>Language code, share of channels, and the UTC hour when its audience peaks.</summary>
    public static readonly (string Code, double Share, int PeakHourUtc)[] Languages =
    [
        ("en", 42, 1), ("es", 10, 2), ("ja", 7, 13), ("pt", 6, 23), ("de", 6, 19), ("ru", 6, 17),
        ("ko", 5, 13), ("fr", 5, 19), ("zh", 3, 13), ("it", 3, 19), ("pl", 3, 19), ("tr", 2, 18), ("th", 2, 13),
    ];

    public static readonly string[] LoginHeads =
    [
        "shadow", "pixel", "neo", "dark", "lord", "captain", "sir", "lil", "mega", "hyper", "frost", "blaze",
        "lunar", "sol", "kai", "nova", "echo", "ghost", "rusty", "cozy", "salty", "sneaky", "lucky", "zen",
        "tiny", "big", "mister", "lady", "doc", "coach", "uncle", "auntie", "papa", "mama", "baron", "duke",
    ];

    public static readonly string[] LoginTails =
    [
        "fox", "wolf", "gamer", "plays", "tv", "live", "gg", "bear", "cat", "otter", "panda", "knight",
        "mage", "rogue", "sniper", "builder", "queen", "king", "bot", "byte", "nugget", "taco", "sushi", "ramen",
        "moose", "falcon", "raven", "yeti", "golem", "dragon", "pirate", "ninja", "viking", "samurai", "bard", "owl",
    ];

    /// <summary>Display names in the channel's own script, keyed by language.</summary>
    public static readonly Dictionary<string, string[]> LocalNames = new(StringComparer.Ordinal)
    {
        ["ja"] = ["さくら", "ゆうき", "たかし", "ひなた", "はると", "もも太郎", "ねこまる"],
        ["ko"] = ["하늘", "민수", "지은", "별빛", "도윤", "서연이"],
        ["zh"] = ["小龙", "星辰", "阿杰", "月亮"],
        ["ru"] = ["Саша", "Дмитрий", "Ёжик", "Медведь"],
        ["es"] = ["José", "Peña", "Ñoño", "Begoña"],
        ["pt"] = ["João", "Conceição", "Tião"],
        ["fr"] = ["Zoë", "Renée", "Hélène", "François"],
        ["de"] = ["Müller", "Jürgen", "Größe", "Käthe"],
        ["pl"] = ["Łukasz", "Wójcik", "Żaneta"],
        ["tr"] = ["Çağrı", "Şule", "Gökhan"],
    };

    /// <summary>Title patterns; {0} is the game name, {1} a small number.</summary>
    public static readonly string[] Titles =
    [
        "{0} | !discord !socials", "chill {0} with chat", "ranked {0} grind to the top", "day {1} of {0}",
        "first time playing {0}!", "{0} all night | !drops", "LATE NIGHT {0} w/ viewers", "{0} - road to {1}k",
        "🔴 LIVE: {0}", "sub goal {1}/100 | {0}", "{0} but every death is a push-up", "morning {0} ☕",
    ];

    public static readonly Dictionary<string, string[]> LocalTitles = new(StringComparer.Ordinal)
    {
        ["ja"] = ["【{0}】まったり配信", "{0} 初見プレイ #{1}"],
        ["ko"] = ["{0} 방송 ㅎㅇ", "오늘도 {0} {1}판"],
        ["es"] = ["{0} con la comunidad", "¡{0} hasta las {1}!"],
        ["de"] = ["{0} mit euch – Tag {1}", "Gemütlich {0} zocken"],
        ["fr"] = ["{0} détente avec vous", "Soirée {0} n°{1}"],
    };

    public static readonly string[] UncategorisedTitles =
    [
        "just hanging out", "testing the new setup", "talking with chat", "AFK back soon", "stream starting...",
    ];

    public static readonly string[] TagPool =
    [
        "Chill", "Competitive", "FPS", "DropsEnabled", "Speedrun", "Casual", "Esports", "Creative", "NoBackseating",
        "LGBTQIAPlus", "Vtuber", "Educational", "Roleplay", "FirstPlaythrough", "Funny", "Horror", "PC", "Console",
    ];

    public static readonly Dictionary<string, string> LanguageTags = new(StringComparer.Ordinal)
    {
        ["en"] = "English", ["es"] = "Español", ["ja"] = "日本語", ["pt"] = "Português", ["de"] = "Deutsch",
        ["ru"] = "Русский", ["ko"] = "한국어", ["fr"] = "Français", ["zh"] = "中文", ["it"] = "Italiano",
        ["pl"] = "Polski", ["tr"] = "Türkçe", ["th"] = "ภาษาไทย",
    };
}
