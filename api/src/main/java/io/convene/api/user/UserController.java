package io.convene.api.user;

import io.convene.application.user.UserSearch;
import io.convene.domain.user.DirectoryUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** User search over the realm's users, for inviting people. */
@RestController
@RequestMapping("/api/users")
@Validated
@Tag(name = "users")
class UserController {

    private final UserSearch users;

    UserController(UserSearch users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "Users whose user name, name or e-mail contain q (at least 2 characters)")
    List<DirectoryUser> search(@RequestParam @NotBlank @Size(min = 2, max = 100) String q) {
        return users.search(q);
    }
}
