DROP TABLE juror_preferences;
DROP TABLE juror_languages;
