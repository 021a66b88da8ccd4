package io.opencdp.schemas.audience;

/**
 * SHA-256 hex of known plain values, computed outside the code under test ({@code printf '%s'
 * 'value' | sha256sum}).
 */
final class AudienceHashes {
  static final String EMAIL_JOHN_DOE =
      "836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f"; // john.doe@example.com
  static final String PHONE_E164 =
      "1e231c66011e7a2d867a9cfae267a6aff103cf4913640b6e71a99850fc0ffbc8"; // +16505551212
  static final String PHONE_DIGITS =
      "e323ec626319ca94ee8bff2e4c87cf613be6ea19919ed1364124e16807ab3176"; // 16505551212
  static final String JOHN = "96d9632f363564cc3032521409cf22a852f2032eec099ed5967c0d000cec607a";
  static final String MARYANN = "16b3f07f0ec2f9dd127b71dc2e6c791b7d93116a1c3bc99d057eaa7a8a077e73";
  static final String OBRIENSMITH =
      "16765783f9c8c8a3accf27f1abb877688cb5904c21a4a7afb5f125bcfcb246ba";
  static final String JOSE_ACCENT =
      "d994e1d001886fe5b45b1267bd1fa2b752ac50742579bd3dad7b2a2aa0ed6866"; // jos\xc3\xa9
  static final String DOE = "799ef92a11af918e3fb741df42934f3b568ed2d93ac1df74f1b8d41a27932a6f";
  static final String CA = "6959097001d10501ac7d54c0bdb8db61420f658f2922cc26e46d536119a31126";
  static final String SANFRANCISCO =
      "1a6bd4d9d79dc0a79b53795c70d3349fa9e38968a3fbefbfe8783efb1d2b6aac";
  static final String ZIP_94025 =
      "b9a9cf3cd3723a2e91b7c23ecf68456e872b6e5d86e5cab7f3d45a7302da32c7";
  static final String SW1A1AA = "830e1d4b9838bab1f5c2acdb23e0b502ff13a9832c4632e8d67a1d43d3b7f614";
  static final String US = "79adb2a2fce5c6ba215fe5f27f532d4e7edbac4b6a5e09e1ef3a08084a904621";
  static final String Y1985 = "78e370b587b145920213731b7c7c725e512b3b6577c51c800218a7c764c532ae";
  static final String M03 = "0b8efa5a3bf104413a725c6ff0459a6be12b1fd33314cbb138745baf39504ae5";
  static final String D07 = "19b100ab7725c612f3d80ff203ca53cea5cadaafae3bf0f88f0fb4089fe08815";
  static final String F = "252f10c83610ebca1a059c0bae8255eba2f95be4d1d7bcfa89d7248a82d9f111";
  static final String M = "62c66a7a5dd70c3146618063c344e531e6d4b59e379808443ce962b3abd63c5a";

  private AudienceHashes() {}
}
