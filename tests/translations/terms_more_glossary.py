"""A made-up glossary unlike the demo's, for tests/translations/test_terms_more.py.

Multi-word terms, abbreviations with their expansion, Japanese terms with and without
katakana and long vowel marks, Russian adjective + noun and noun + genitive terms, terms with
ё, case-sensitive abbreviations, admitted, deprecated and forbidden terms.
"""

P, A, D, F = "preferred", "admitted", "deprecated", "forbidden"
CS = "case-sensitive"

# identifier -> language -> terms, each (text, status[, CS])
GLOSSARY = {
    "oda": {
        "en": [("Official Development Assistance", P), ("ODA", A, CS)],
        "ja": [("政府開発援助", P), ("ODA", A, CS)],
        "ru": [("официальная помощь развитию", P), ("ОПР", A, CS)],
    },
    "g7": {
        "en": [("G7", P)],
        "ja": [("G7", P), ("先進7か国", A)],
        "ru": [("Группа семи", P), ("G7", A), ("Большая семёрка", A)],
    },
    "mofa": {
        "en": [("Ministry of Foreign Affairs", P)],
        "ja": [("外務省", P)],
        "ru": [("Министерство иностранных дел", P), ("МИД", A, CS)],
    },
    "foreign-minister": {
        "en": [("Foreign Minister", P)],
        "ja": [("外務大臣", P), ("外相", A)],
        "ru": [("министр иностранных дел", P)],
    },
    "security-council": {
        "en": [("Security Council", P)],
        "ja": [("安全保障理事会", P), ("安保理", A)],
        "ru": [("Совет Безопасности", P), ("Совбез", D)],
    },
    "fta": {
        "en": [("free trade agreement", P), ("FTA", A, CS)],
        "ja": [("自由貿易協定", P), ("FTA", A, CS)],
        "ru": [("соглашение о свободной торговле", P), ("ССТ", A, CS)],
    },
    "climate-change": {
        "en": [("climate change", P)],
        "ja": [("気候変動", P)],
        "ru": [("изменение климата", P)],
    },
    "supply-chain": {
        "en": [("supply chain", P)],
        "ja": [("サプライチェーン", P)],
        "ru": [("цепочка поставок", P), ("цепь поставок", A)],
    },
    "rule-of-law": {
        "en": [("rule of law", P)],
        "ja": [("法の支配", P)],
        "ru": [("верховенство права", P)],
    },
    "indo-pacific": {
        "en": [("Indo-Pacific", P)],
        "ja": [("インド太平洋", P)],
        "ru": [("Индо-Тихоокеанский регион", P)],
    },
    "india": {"en": [("India", P)], "ja": [("インド", P)], "ru": [("Индия", P)]},
    "indonesia": {
        "en": [("Indonesia", P)],
        "ja": [("インドネシア", P)],
        "ru": [("Индонезия", P)],
    },
    "japan-us": {
        "en": [("Japan-US", P), ("Japan-U.S.", A)],
        "ja": [("日米", P)],
        "ru": [("японо-американский", P)],
    },
    "quad": {
        "en": [("Quad", P, CS)],
        "ja": [("日米豪印", P)],
        "ru": [("Четырёхсторонний диалог по безопасности", P), ("Квад", A)],
    },
    "nuclear-weapon": {
        "en": [("nuclear weapon", P)],
        "ja": [("核兵器", P)],
        "ru": [("ядерное оружие", P)],
    },
    "humanitarian": {
        "en": [("humanitarian assistance", P), ("humanitarian aid", A)],
        "ja": [("人道支援", P)],
        "ru": [("гуманитарная помощь", P)],
    },
    "energy-security": {
        "en": [("energy security", P)],
        "ja": [("エネルギー安全保障", P)],
        "ru": [("энергетическая безопасность", P)],
    },
    "un": {
        "en": [("United Nations", P), ("UN", A, CS)],
        "ja": [("国際連合", P), ("国連", A)],
        "ru": [("Организация Объединённых Наций", P), ("ООН", A, CS)],
    },
    "sanctions": {
        "en": [("economic sanctions", P)],
        "ja": [("経済制裁", P)],
        "ru": [("экономические санкции", P)],
    },
    "eez": {
        "en": [("exclusive economic zone", P), ("EEZ", A, CS)],
        "ja": [("排他的経済水域", P), ("EEZ", A, CS)],
        "ru": [("исключительная экономическая зона", P), ("ИЭЗ", A, CS)],
    },
    "ceasefire": {
        "en": [("ceasefire", P), ("cease-fire", A)],
        "ja": [("停戦", P)],
        "ru": [("прекращение огня", P), ("перемирие", A)],
    },
    "partnership": {
        "en": [("strategic partnership", P)],
        "ja": [("戦略的パートナーシップ", P)],
        "ru": [("стратегическое партнёрство", P)],
    },
    "hydrogen": {
        "en": [("green hydrogen", P)],
        "ja": [("グリーン水素", P)],
        "ru": [("зелёный водород", P)],
    },
    "drr": {
        "en": [("disaster risk reduction", P)],
        "ja": [("防災", P)],
        "ru": [("снижение риска бедствий", P)],
    },
    "tpp": {
        "en": [("Trans-Pacific Partnership", P), ("TPP", A, CS)],
        "ja": [("環太平洋パートナーシップ協定", P), ("TPP協定", A)],
        "ru": [("Транстихоокеанское партнёрство", P), ("ТТП", A, CS)],
    },
    "embassy": {
        "en": [("Embassy of Japan", P)],
        "ja": [("日本大使館", P)],
        "ru": [("посольство Японии", P)],
    },
    "developing": {
        "en": [("developing countries", P), ("Third World", F)],
        "ja": [("開発途上国", P), ("途上国", A), ("後進国", F)],
        "ru": [("развивающиеся страны", P), ("страны третьего мира", F)],
    },
    "head-of-state": {
        "en": [("head of state", P)],
        "ja": [("国家元首", P)],
        "ru": [("глава государства", P)],
    },
    "coast-guard": {
        "en": [("Japan Coast Guard", P)],
        "ja": [("海上保安庁", P)],
        "ru": [("Береговая охрана Японии", P)],
    },
    "wto": {
        "en": [("World Trade Organization", P), ("WTO", A, CS)],
        "ja": [("世界貿易機関", P), ("WTO", A, CS)],
        "ru": [("Всемирная торговая организация", P), ("ВТО", A, CS)],
    },
    "foreign-nationals": {
        "en": [("foreign nationals", P), ("aliens", D)],
        "ja": [("外国人", P)],
        "ru": [("иностранные граждане", P), ("иностранцы", A)],
    },
    "cybersecurity": {
        "en": [("cybersecurity", P)],
        "ja": [("サイバーセキュリティー", P)],
        "ru": [("кибербезопасность", P)],
    },
    "financial-crisis": {
        "en": [("financial crisis", P)],
        "ja": [("金融危機", P)],
        "ru": [("финансовый кризис", P)],
    },
    "peace-talks": {
        "en": [("peace talks", P)],
        "ja": [("和平交渉", P)],
        "ru": [("мирные переговоры", P)],
    },
    "fisherman": {"en": [("fisherman", P)], "ja": [("漁業者", P)], "ru": [("рыбак", P)]},
    "defense-cooperation": {
        "en": [("defense cooperation", P)],
        "ja": [("防衛協力", P)],
        "ru": [("оборонное сотрудничество", P)],
    },
    "exchange-program": {
        "en": [("exchange program", P)],
        "ja": [("交流プログラム", P)],
        "ru": [("программа обмена", P)],
    },
    "security-dialogue": {
        "en": [("security dialogue", P)],
        "ja": [("安全保障対話", P)],
        "ru": [("диалог по вопросам безопасности", P)],
    },
    "japan-center": {
        "en": [("Japan Center", P)],
        "ja": [("日本センター", P)],
        "ru": [("Японский центр", P)],
    },
    "kizuna": {
        "en": [("Kizuna Project", P)],
        "ja": [("「キズナ強化プロジェクト」", P)],
        "ru": [("проект «Кидзуна»", P)],
    },
    "g20": {
        "en": [("G20", P)],
        "ja": [("G20", P)],
        "ru": [("Группа двадцати", P), ("G20", A)],
    },
    "prime-minister": {
        "en": [("Prime Minister", P)],
        "ja": [("首相", P), ("総理大臣", A)],
        "ru": [("премьер-министр", P)],
    },
    "thailand": {"en": [("Thailand", P)], "ja": [("タイ", P)], "ru": [("Таиланд", P)]},
    "energy-mix": {
        "en": [("energy mix", P)],
        "ja": [("エネルギーミックス", P)],
        "ru": [("энергетический баланс", P)],
    },
    "vietnam": {
        "en": [("Viet Nam", P), ("Vietnam", A)],
        "ja": [("ベトナム", P)],
        "ru": [("Вьетнам", P)],
    },
    "meti": {
        "en": [("Ministry of Economy, Trade and Industry", P), ("METI", A, CS)],
        "ja": [("経済産業省", P)],
        "ru": [("Министерство экономики, торговли и промышленности", P)],
    },
    "kishida": {
        "en": [("Prime Minister Kishida", P)],
        "ja": [("岸田総理大臣", P), ("岸田総理", A)],
        "ru": [("премьер-министр Кисида", P)],
    },
    "denuclearization": {
        "en": [("denuclearization", P)],
        "ja": [("非核化", P)],
        "ru": [("денуклеаризация", P)],
    },
    "r-and-d": {
        "en": [("research and development", P), ("R&D", A, CS)],
        "ja": [("研究開発", P)],
        "ru": [("НИОКР", P, CS)],
    },
    "eu": {
        "en": [("European Union", P), ("EU", A, CS)],
        "ja": [("欧州連合", P), ("EU", A, CS)],
        "ru": [("Европейский союз", P), ("ЕС", A, CS), ("Евросоюз", A)],
    },
    "asean": {
        "en": [("ASEAN", P, CS)],
        "ja": [("東南アジア諸国連合", P), ("ASEAN", A, CS)],
        "ru": [("АСЕАН", P, CS)],
    },
    "non-proliferation": {
        "en": [("nuclear non-proliferation", P)],
        "ja": [("核不拡散", P)],
        "ru": [("ядерное нераспространение", P)],
    },
    "sdgs": {
        "en": [("Sustainable Development Goals", P), ("SDGs", A, CS)],
        "ja": [("持続可能な開発目標", P), ("SDGs", A, CS)],
        "ru": [("Цели устойчивого развития", P), ("ЦУР", A, CS)],
    },
    "oda-surname": {"en": [("Mr. Oda", P)], "ja": [("織田氏", P)], "ru": [("г-н Ода", P)]},
    "us": {
        "en": [("US", P, CS)],
        "ja": [("米国", P), ("アメリカ", A)],
        "ru": [("США", P, CS)],
    },
    # An expansion and its abbreviation as two concepts, as some glossaries keep them.
    "apec": {
        "en": [("Asia-Pacific Economic Cooperation", P)],
        "ja": [("アジア太平洋経済協力", P)],
        "ru": [("Азиатско-Тихоокеанское экономическое сотрудничество", P)],
    },
    "apec-abbr": {"en": [("APEC", P, CS)], "ja": [("APEC", P, CS)], "ru": [("АТЭС", P, CS)]},
}
