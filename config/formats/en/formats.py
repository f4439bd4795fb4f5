# Official English releases write the month in full: "July 7, 2017", "September 7, 2017".
DATE_FORMAT = "F j, Y"
