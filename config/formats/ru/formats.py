# Official Russian releases write the year as a word: "7 июля 2017 года".
DATE_FORMAT = "j E Y года"
