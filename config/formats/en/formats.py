# Official English releases write the month in full: "July 7, 2017", "September 7, 2017".
DATE_FORMAT = "F j, Y"
# A moment is that date and the time: "July 7, 2017, 6 p.m." (not "Jul. 7" beside "July 7").
DATETIME_FORMAT = "F j, Y, P"
