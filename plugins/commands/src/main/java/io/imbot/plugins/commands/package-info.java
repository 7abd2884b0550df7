/**
 * The bundled commands plugin: {@code /help}, {@code /history [n]} and {@code /status}, answered by
 * {@link io.imbot.plugins.commands.CommandsBot}.
 */
package io.imbot.plugins.commands;
