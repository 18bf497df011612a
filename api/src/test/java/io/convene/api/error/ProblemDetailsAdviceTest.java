package io.convene.api.error;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.convene.application.shared.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every kind of bad input becomes 400 problem+json naming the field; failures never show a stack trace;
 * every problem carries its short {@code error} code.
 */
class ProblemDetailsAdviceTest {

    record Thing(@NotBlank String title, @Size(max = 10) String description, @Positive Integer count) {}

    @RestController
    static class ThingController {
        @PostMapping("/things")
        Thing create(@Valid @RequestBody Thing thing) {
            return thing;
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("secret internals");
        }

        @GetMapping("/missing")
        String missing() {
            throw new NotFoundException("thing", "t_1");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new ThingController())
            .setControllerAdvice(new ProblemDetailsAdvice(), new ProblemCodeAdvice())
            // as the app's: Spring's builder (problem-detail mix-in), unknown fields rejected
            .setMessageConverters(new MappingJackson2HttpMessageConverter(
                    Jackson2ObjectMapperBuilder.json().failOnUnknownProperties(true).build()))
            .build();

    @Test
    void each_invalid_field_gets_its_own_entry() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\" \",\"description\":\"far too long text\",\"count\":-1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.error").value("invalid_request"))
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("title", "description", "count")));
    }

    @Test
    void an_unknown_field_is_named() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"ok\",\"surprise\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("surprise"))
                .andExpect(jsonPath("$.errors[0].reason").value("is not a known field"));
    }

    @Test
    void a_field_of_the_wrong_type_is_named() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"ok\",\"count\":\"many\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("count"));
    }

    @Test
    void malformed_json_names_the_body() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"title\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void a_method_the_path_does_not_take_is_405_with_its_code() throws Exception {
        mvc.perform(post("/missing"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.error").value("method_not_allowed"));
    }

    @Test
    void a_body_that_is_not_json_is_415_with_its_code() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.TEXT_PLAIN).content("a thing"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value("unsupported_media_type"));
    }

    @Test
    void not_found_is_404_problem_json() throws Exception {
        mvc.perform(get("/missing"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("thing t_1 not found"))
                .andExpect(jsonPath("$.error").value("not_found"));
    }

    @Test
    void an_unexpected_failure_is_500_without_internals() throws Exception {
        mvc.perform(get("/boom"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.error").value("internal_error"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("secret internals"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("at io.convene"))));
    }
}
