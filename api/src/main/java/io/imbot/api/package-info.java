/**
 * The imbot plugin API: everything a bot author compiles against.
 *
 * <p>Implement {@link io.imbot.api.ReplyBot}, annotate it with PF4J's {@code @Extension}, package
 * it as a PF4J plugin jar with this module and PF4J in {@code provided} scope, and drop the jar into
 * the daemon's {@code plugins/} folder. This package uses JDK types only (plus PF4J's {@code
 * ExtensionPoint}), so a bot needs neither Vert.x nor a database to build or to test.
 */
package io.imbot.api;
