# Official Russian releases write the year as a word: "7 июля 2017 года".
DATE_FORMAT = "j E Y года"
# A moment is that date and the time: "7 июля 2017 года, 18:00" (not "7 июля 2017 г.").
DATETIME_FORMAT = "j E Y года, G:i"
