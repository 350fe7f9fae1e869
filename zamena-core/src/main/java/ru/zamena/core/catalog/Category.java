package ru.zamena.core.catalog;

/** One entry of the controlled taxonomy, mapped to a software-register class and an OKPD2 prefix. */
public record Category(String id, String nameEn, String nameRu, Product.Kind kind, String registryClass, String okpd2) {}
