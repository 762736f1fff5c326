package dev.mercury.language.validate;

/** A state whose type is known: its name, its object and the query language it is written in. */
record StateSite(String name, Site site, String type, QueryLanguage language) {

  boolean jsonata() {
    return language == QueryLanguage.JSONATA;
  }
}
