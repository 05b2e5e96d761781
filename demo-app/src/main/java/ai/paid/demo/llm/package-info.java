/**
 * The language model the SDR agent writes with: the embedded fake OpenAI endpoint by default, the real OpenAI API
 * with {@code OPENAI_API_KEY}.
 */
@NullMarked
package ai.paid.demo.llm;

import org.jspecify.annotations.NullMarked;
